using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>Every sheet of one input workbook. A sheet the workbook lacks is null (not empty), so checks can tell "no data" from "no rows".</summary>
    public sealed class ComplianceDataset
    {
        public string Path { get; set; }

        public CompanyProfile Company { get; set; }

        public Readiness Readiness { get; set; }

        public IReadOnlyList<SeatRow> Seats { get; set; }

        public IReadOnlyList<StaffRow> Staff { get; set; }

        public IReadOnlyList<SocialInsuranceRow> SocialInsurance { get; set; }

        public IReadOnlyList<PayrollRow> Payroll { get; set; }

        public IReadOnlyList<NumberResourceRow> Numbers { get; set; }

        public IReadOnlyList<TrafficRow> Traffic { get; set; }

        public IReadOnlyList<ComplaintRow> Complaints { get; set; }

        public IReadOnlyList<ScenarioRow> Scenarios { get; set; }

        public IReadOnlyList<ScriptRow> Scripts { get; set; }

        public IReadOnlyList<RevenueRow> Revenue { get; set; }

        public IReadOnlyList<PenaltyRow> Penalties { get; set; }

        public IReadOnlyList<TrainingRow> Training { get; set; }

        public IReadOnlyList<MaterialRow> Materials { get; set; }

        public IReadOnlyList<OwnerRow> Owners { get; set; }

        public IReadOnlyList<CallbackTestRow> CallbackTests { get; set; }

        /// <summary>Problems met while reading (bad cells, missing columns), already reported as errors.</summary>
        public IList<Common.ComplianceProblem> Problems { get; } = new List<Common.ComplianceProblem>();

        /// <summary>English names of the sheets the workbook had.</summary>
        public ISet<string> SheetsPresent { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool Has(string sheetName) => SheetsPresent.Contains(sheetName);

        /// <summary>Figures typed in for a what-if (SeatsOnFile = 100 …), by name; a rule reads them in place of its sheets.</summary>
        public IDictionary<string, object> Figures { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// True for rows given one by one (<see cref="FromRows"/>): a sheet with no row given may be in the workbook and
        /// empty, so a message says "no rows were given", not "the workbook has no sheet".
        /// </summary>
        public bool FromGivenRows { get; private set; }

        /// <summary>
        /// A dataset of rows given one by one (Import-ComplianceWorkbook -Sheet, Import-Csv, hashtables): each row goes to
        /// the sheet of its type; a sheet with no rows stays absent. The path is the rows' common workbook, when they share one.
        /// </summary>
        public static ComplianceDataset FromRows(IEnumerable<object> rows, IEnumerable<Type> emptySheets = null)
        {
            var dataset = new ComplianceDataset { FromGivenRows = true };
            var lists = new Dictionary<PropertyInfo, IList>();
            foreach (Type type in emptySheets ?? Type.EmptyTypes)
            {
                // A sheet given with no rows (an empty list) is there and empty, which a rule reads differently from absent.
                if (s_sheetOf.Value.TryGetValue(type, out PropertyInfo empty) && empty.PropertyType.IsGenericType)
                {
                    lists[empty] = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type));
                    dataset.SheetsPresent.Add(empty.Name);
                }
            }

            var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (object row in rows ?? Array.Empty<object>())
            {
                if (row == null)
                {
                    continue;
                }

                PropertyInfo sheet = s_sheetOf.Value.TryGetValue(row.GetType(), out PropertyInfo p) ? p : null;
                if (sheet == null)
                {
                    throw new ArgumentException("Not a workbook row: " + row.GetType().FullName, nameof(rows));
                }

                if (!sheet.PropertyType.IsGenericType)
                {
                    sheet.SetValue(dataset, row);
                }
                else
                {
                    if (!lists.TryGetValue(sheet, out IList list))
                    {
                        lists[sheet] = list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(row.GetType()));
                    }

                    list.Add(row);
                }

                if (row is WorkbookRow located && !string.IsNullOrEmpty(located.Origin?.File))
                {
                    files.Add(located.Origin.File);
                }

                dataset.SheetsPresent.Add(sheet.Name);
            }

            foreach (KeyValuePair<PropertyInfo, IList> list in lists)
            {
                list.Key.SetValue(dataset, list.Value);
            }

            dataset.Path = files.Count == 1 ? files.First() : null;
            return dataset;
        }

        /// <summary>A dataset of what-if figures only (and any rows given with them).</summary>
        public static ComplianceDataset FromFigures(IEnumerable<KeyValuePair<string, object>> figures, IEnumerable<object> rows = null, IEnumerable<Type> emptySheets = null)
        {
            ComplianceDataset dataset = FromRows(rows, emptySheets);
            foreach (KeyValuePair<string, object> figure in figures ?? Enumerable.Empty<KeyValuePair<string, object>>())
            {
                dataset.Figures[figure.Key] = figure.Value;
            }

            return dataset;
        }

        /// <summary>Row type → the dataset property that holds it (a list for table sheets, the row itself for form sheets).</summary>
        private static readonly Lazy<Dictionary<Type, PropertyInfo>> s_sheetOf = new Lazy<Dictionary<Type, PropertyInfo>>(() =>
        {
            var map = new Dictionary<Type, PropertyInfo>();
            foreach (PropertyInfo property in typeof(ComplianceDataset).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Type type = property.PropertyType;
                if (typeof(WorkbookRow).IsAssignableFrom(type))
                {
                    map[type] = property;
                }
                else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && typeof(WorkbookRow).IsAssignableFrom(type.GetGenericArguments()[0]))
                {
                    map[type.GetGenericArguments()[0]] = property;
                }
            }

            return map;
        });
    }
}
