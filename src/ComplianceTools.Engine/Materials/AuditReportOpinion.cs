using ComplianceTools.Core.Materials;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>MAT-004: the audit report from a firm qualified for securities and futures work, with the accepted opinion.</summary>
    public sealed class AuditReportOpinion : MaterialsCheck
    {
        public override string RuleId => ReportPackage.AuditRuleId;
    }
}
