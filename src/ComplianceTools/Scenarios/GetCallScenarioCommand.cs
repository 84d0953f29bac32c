using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Scenarios;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Scenarios
{
    /// <summary>Classifies outbound scripts into scenarios by the SCN-001 keyword and pattern rules.</summary>
    [Cmdlet(VerbsCommon.Get, "CallScenario", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(ScriptClassification))]
    public sealed class GetCallScenarioCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string TextSet = "Text";
        private ScenarioClassifier _classifier;

        /// <summary>Script rows, as Import-ComplianceWorkbook -Sheet Scripts writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScriptRow InputObject { get; set; }

        /// <summary>A whole workbook: its Scripts sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The text of one or more scripts.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TextSet)]
        [AllowEmptyString]
        public string[] Script { get; set; }

        private ScenarioClassifier Classifier => _classifier ?? (_classifier = Run(() => ScenarioClassifier.FromRule(EnabledRule(ScenarioSplit.Id))));

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case RowsSet:
                    WriteObject(Classifier.Classify(new[] { InputObject }), true);
                    break;
                case DatasetSet:
                    if (Dataset.Scripts == null)
                    {
                        ThrowProblem(SheetRequirement.Missing(Dataset, ScenarioSplit.Id, "Scripts"));
                    }

                    WriteObject(Classifier.Classify(Dataset.Scripts), true);
                    break;
                case TextSet:
                    foreach (string text in Script)
                    {
                        WriteObject(Classifier.Classify(text));
                    }

                    break;
            }
        }
    }
}
