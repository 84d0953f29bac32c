using ComplianceTools.Core.Materials;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>MAT-003: two versions, A4 paper for the counter and a high-definition PDF scan, every document sealed across pages and on the first page.</summary>
    public sealed class MaterialVersions : MaterialsCheck
    {
        public override string RuleId => ReportPackage.VersionsRuleId;
    }
}
