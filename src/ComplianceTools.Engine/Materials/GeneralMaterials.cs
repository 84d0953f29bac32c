using ComplianceTools.Core.Materials;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>MAT-001: the general materials (business licence, licence, articles, equity table, audit report, legal representative's ID, at least 3 months of social insurance).</summary>
    public sealed class GeneralMaterials : MaterialsCheck
    {
        public override string RuleId => ReportPackage.GeneralRuleId;
    }
}
