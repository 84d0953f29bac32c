using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;

namespace ComplianceTools.Commands.Reporting
{
    /// <summary>Plan and schedule items as calendar entries (.ics) or CSV, keyed by the stable item key.</summary>
    [Cmdlet(VerbsData.Export, "ComplianceTask", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportComplianceTaskCommand : ComplianceCmdlet
    {
        private readonly List<PlanItem> _items = new List<PlanItem>();
        private string _path;

        /// <summary>The file to write (.ics or .csv).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Plan items from New-RectificationPlan and New-ComplianceSchedule.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PlanItem[] InputObject { get; set; }

        /// <summary>Ics (iCalendar) or Csv; by default from the file's extension (.csv gives Csv, anything else Ics).</summary>
        [Parameter]
        [ValidateSet("Ics", "Csv", IgnoreCase = true)]
        public string Format { get; set; }

        /// <summary>For Ics: Event (all-day event on the due date, imported by Outlook, WPS and phones; the default) or Todo (VTODO with DTSTART and DUE).</summary>
        [Parameter]
        public IcsComponent Component { get; set; } = IcsComponent.Event;

        /// <summary>The DTSTAMP of every entry (UTC); by default each item's start date, so the same plan gives the same file.</summary>
        [Parameter]
        public DateTime? Timestamp { get; set; }

        /// <summary>Write owners as given (names, mail addresses); without it they are masked (刘*, w********@example.com).</summary>
        [Parameter]
        public SwitchParameter IncludePersonalData { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _path = ResolvePath(Path);
            Run(() =>
            {
                OutputFile.CheckTarget(_path, Force.IsPresent);
                return true;
            });
        }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                _items.AddRange(InputObject.Where(i => i != null));
            }
        }

        protected override void EndProcessing()
        {
            string format = Format ?? (string.Equals(System.IO.Path.GetExtension(_path), ".csv", StringComparison.OrdinalIgnoreCase) ? "Csv" : "Ics");
            if (ShouldProcess(_path))
            {
                WriteFile(Run(() => TaskFile.Write(_path, _items, format, Component, Timestamp, Force.IsPresent, IncludePersonalData.IsPresent)));
            }
        }
    }
}
