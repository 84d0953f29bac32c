using ComplianceTools.Core.Materials;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>MAT-002: the special materials (number-resource ledger, seat table, traffic report, complaint records, security report, AI algorithm form where there are robot seats).</summary>
    public sealed class SpecialMaterials : MaterialsCheck
    {
        public override string RuleId => ReportPackage.SpecialRuleId;
    }
}
