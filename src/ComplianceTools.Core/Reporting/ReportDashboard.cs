using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// The one page a manager reads: who and what the report is about, counts by status, a light per area, the four
    /// charts' data and the ten most urgent actions. Computed once from findings and plan items; the xlsx and HTML
    /// writers only draw it (and a portfolio of clients can reuse its parts). Texts are in the UI culture it is built in.
    /// </summary>
    public sealed class ReportDashboard
    {
        /// <summary>Rows of the urgency list.</summary>
        public const int UrgentLimit = 10;

        /// <summary>An open item due within this many days of the as-of day is "due soon".</summary>
        public const int DueSoonDays = 14;

        /// <summary>The look-ahead of the due-date chart, in days.</summary>
        public const int UpcomingDays = 60;

        /// <summary>Bars of the chart of rates against their lines (the highest shares).</summary>
        public const int LoadLimit = 12;

        /// <summary>Owners in the owner chart (the most overdue first).</summary>
        public const int OwnerLimit = 8;

        /// <summary>The rule charted month by month.</summary>
        public const string TrendRuleId = Complaints.ComplaintRate.Id;

        /// <summary>Areas in the order their lights are shown (names in Strings.ReportAreaNames, same order); other areas follow by name.</summary>
        public static readonly IReadOnlyList<string> AreaOrder = new[]
        {
            "Seats", "Complaints", "Numbers", "Staff", "Data", "Filing", "Scenarios", "Materials", "Systems", "Training", "Revenue", "Credit", "Penalties",
        };

        private static readonly Regex s_month = new Regex(@"^\d{4}-\d{2}$", RegexOptions.CultureInvariant);
        private static readonly Regex s_year = new Regex(@"^(\d{4})", RegexOptions.CultureInvariant);

        private ReportDashboard()
        {
        }

        public string Company { get; private set; }

        public string LicenceNumber { get; private set; }

        public string ReportYear { get; private set; }

        /// <summary>When the report was made, in China time (UTC+8).</summary>
        public DateTimeOffset RunTime { get; private set; }

        /// <summary>The day overdue and days left count from.</summary>
        public DateTime AsOf { get; private set; }

        /// <summary>Baseline files the findings were judged with (empty: the catalog's own lines).</summary>
        public IReadOnlyList<string> Baselines { get; private set; }

        public string ModuleVersion { get; private set; }

        public int Red { get; private set; }

        public int Yellow { get; private set; }

        public int Green { get; private set; }

        public int Skipped { get; private set; }

        public int NotApplicable { get; private set; }

        public int FindingCount { get; private set; }

        public int ItemCount { get; private set; }

        /// <summary>Open plan and schedule items due before the as-of day.</summary>
        public int Overdue { get; private set; }

        /// <summary>Open plan and schedule items due from the as-of day to 14 days after it.</summary>
        public int DueSoon { get; private set; }

        public IReadOnlyList<AreaLight> Areas { get; private set; }

        /// <summary>CMPL-001 by month, in month order.</summary>
        public IReadOnlyList<TrendPoint> Trend { get; private set; }

        /// <summary>The line the months are judged against (the most common one), null without months.</summary>
        public double? TrendLine { get; private set; }

        /// <summary>Rates as a share of their own line, highest first (at most <see cref="LoadLimit"/>).</summary>
        public IReadOnlyList<LineLoad> Loads { get; private set; }

        /// <summary>How many rates there were in all.</summary>
        public int LoadCount { get; private set; }

        /// <summary>Items per owner by state (at most <see cref="OwnerLimit"/> owners).</summary>
        public IReadOnlyList<OwnerLoad> Owners { get; private set; }

        public int OwnerCount { get; private set; }

        /// <summary>Open items due in the next 60 days, per week (Monday), by kind.</summary>
        public IReadOnlyList<WeekLoad> Weeks { get; private set; }

        /// <summary>The open items that must happen first: most overdue first, then by due date and priority.</summary>
        public IReadOnlyList<UrgentAction> Urgent { get; private set; }

        /// <summary>Builds the dashboard; call it with the report's culture as the UI culture (names come from Strings).</summary>
        public static ReportDashboard Build(IReadOnlyList<Finding> findings, IReadOnlyList<PlanItem> items, ReportOptions options)
        {
            findings = findings ?? Array.Empty<Finding>();
            items = items ?? Array.Empty<PlanItem>();
            options = options ?? new ReportOptions();
            DateTime asOf = options.EffectiveAsOf;
            var d = new ReportDashboard
            {
                RunTime = options.EffectiveRunTime,
                AsOf = asOf,
                ModuleVersion = options.EffectiveModuleVersion,
                FindingCount = findings.Count,
                ItemCount = items.Count,
                Red = findings.Count(f => f.Status == FindingStatus.Red),
                Yellow = findings.Count(f => f.Status == FindingStatus.Yellow),
                Green = findings.Count(f => f.Status == FindingStatus.Green),
                Skipped = findings.Count(f => f.Status == FindingStatus.Skipped),
                NotApplicable = findings.Count(f => f.Status == FindingStatus.NotApplicable),
                Overdue = items.Count(i => StateOf(i, asOf) == ItemState.Overdue),
                DueSoon = items.Count(i => StateOf(i, asOf) == ItemState.DueSoon),
            };

            d.Company = string.IsNullOrWhiteSpace(options.Company?.CompanyName) ? MostCommon(findings.Select(f => f.Subject)) : ReportText.Scrub(options.Company.CompanyName.Trim());
            d.LicenceNumber = string.IsNullOrWhiteSpace(options.Company?.LicenceNumber) ? null : options.Company.LicenceNumber.Trim();
            d.ReportYear = options.Company?.ReportYear?.ToString(CultureInfo.InvariantCulture)
                ?? MostCommon(findings.Select(f => f.Period).Concat(items.Select(i => i.Period)).Select(p => p == null ? null : s_year.Match(p)).Where(m => m != null && m.Success).Select(m => m.Groups[1].Value));
            d.Baselines = findings.SelectMany(f => (f.Baseline ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                .Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(b => b, StringComparer.OrdinalIgnoreCase).ToList();
            d.Areas = AreaLights(findings);
            BuildTrend(d, findings);
            BuildLoads(d, findings);
            BuildOwners(d, items, asOf);
            d.Weeks = BuildWeeks(items, asOf);
            d.Urgent = UrgentActions(items, asOf);
            return d;
        }

        /// <summary>
        /// The area lights to draw in at most <paramref name="max"/> places: past that, the remaining areas share the last
        /// light ("+N", their worst status), so a page cannot grow with the number of areas.
        /// </summary>
        public IReadOnlyList<AreaLight> LightsUpTo(int max)
        {
            if (Areas.Count <= max)
            {
                return Areas;
            }

            var rest = Areas.Skip(max - 1).ToList();
            var lights = Areas.Take(max - 1).ToList();
            lights.Add(new AreaLight
            {
                Area = string.Empty,
                Name = "+" + rest.Count.ToString(CultureInfo.InvariantCulture),
                Worst = rest.Where(a => a.Worst.HasValue).Select(a => a.Worst.Value).OrderBy(Finding.Rank).Cast<FindingStatus?>().FirstOrDefault(),
                Red = rest.Sum(a => a.Red),
                Yellow = rest.Sum(a => a.Yellow),
                Green = rest.Sum(a => a.Green),
                Skipped = rest.Sum(a => a.Skipped),
                NotApplicable = rest.Sum(a => a.NotApplicable),
            });
            return lights;
        }

        /// <summary>Where an item stands on the as-of day.</summary>
        public static ItemState StateOf(PlanItem item, DateTime asOf)
        {
            if (item.Status == PlanStatus.Completed)
            {
                return ItemState.Done;
            }

            if (!item.DueDate.HasValue)
            {
                return ItemState.Open;
            }

            if (item.DueDate.Value.Date < asOf.Date)
            {
                return ItemState.Overdue;
            }

            return item.DueDate.Value.Date <= asOf.Date.AddDays(DueSoonDays) ? ItemState.DueSoon : ItemState.Open;
        }

        /// <summary>
        /// A value as a share of the line it was judged against, so that over 1 always means the line is crossed: value / line
        /// for a rule that fails upward (gt, ge), line / value for one that fails downward (lt, le). Infinity when the
        /// divisor is zero and the value is on the wrong side of it; null for a rule with no such direction.
        /// </summary>
        public static double? Share(double value, double line, Comparison? comparison)
        {
            switch (comparison)
            {
                case Findings.Comparison.GreaterThan:
                case Findings.Comparison.GreaterOrEqual:
                    return line > 0 ? value / line : (value > 0 ? double.PositiveInfinity : 0);
                case Findings.Comparison.LessThan:
                case Findings.Comparison.LessOrEqual:
                    return value > 0 ? line / value : (line > 0 ? double.PositiveInfinity : 0);
                default:
                    return null;
            }
        }

        /// <summary>The area's display name in the UI culture (the key itself for an area the module does not know).</summary>
        public static string AreaName(string area)
        {
            int index = -1;
            for (int i = 0; i < AreaOrder.Count; i++)
            {
                if (string.Equals(AreaOrder[i], area, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                    break;
                }
            }

            string[] names = Text.Get(nameof(Strings.ReportAreaNames)).Split('|');
            return index >= 0 && index < names.Length ? names[index] : ReportText.Scrub(area ?? string.Empty);
        }

        private static List<AreaLight> AreaLights(IReadOnlyList<Finding> findings)
        {
            return findings.GroupBy(f => f.Area ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .Select(g => new AreaLight
                {
                    Area = g.Key,
                    Name = AreaName(g.Key),
                    Worst = g.Any(f => f.Status != FindingStatus.NotApplicable) ? g.Select(f => f.Status).Where(s => s != FindingStatus.NotApplicable).OrderBy(Finding.Rank).First() : (FindingStatus?)null,
                    Red = g.Count(f => f.Status == FindingStatus.Red),
                    Yellow = g.Count(f => f.Status == FindingStatus.Yellow),
                    Green = g.Count(f => f.Status == FindingStatus.Green),
                    Skipped = g.Count(f => f.Status == FindingStatus.Skipped),
                    NotApplicable = g.Count(f => f.Status == FindingStatus.NotApplicable),
                })
                .OrderBy(a => AreaRank(a.Area)).ThenBy(a => a.Area, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private static int AreaRank(string area)
        {
            for (int i = 0; i < AreaOrder.Count; i++)
            {
                if (string.Equals(AreaOrder[i], area, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return AreaOrder.Count;
        }

        private static bool IsTrendMonth(Finding f) =>
            string.Equals(f.RuleId, TrendRuleId, StringComparison.OrdinalIgnoreCase) && f.Value.HasValue && f.Period != null && s_month.IsMatch(f.Period);

        private static void BuildTrend(ReportDashboard d, IReadOnlyList<Finding> findings)
        {
            var months = findings.Where(IsTrendMonth).ToList();
            string subject = MostCommon(months.Select(f => f.Subject ?? string.Empty));
            d.Trend = months.Where(f => (f.Subject ?? string.Empty) == (subject ?? string.Empty))
                .GroupBy(f => f.Period, StringComparer.Ordinal)
                .Select(g => g.OrderBy(f => Finding.Rank(f.Status)).First())
                .OrderBy(f => f.Period, StringComparer.Ordinal)
                .Select(f => new TrendPoint { Period = f.Period, Value = f.Value.Value, Line = f.Threshold, Status = f.Status })
                .ToList();
            d.TrendLine = d.Trend.Where(p => p.Line.HasValue).GroupBy(p => p.Line.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (double?)g.Key).FirstOrDefault();
        }

        private static void BuildLoads(ReportDashboard d, IReadOnlyList<Finding> findings)
        {
            var loads = new List<LineLoad>();
            foreach (Finding f in findings)
            {
                if (f.Unit != "ratio" || !f.IsEvaluated || !f.Value.HasValue || !f.Threshold.HasValue || IsTrendMonth(f))
                {
                    continue;
                }

                double? share = Share(f.Value.Value, f.Threshold.Value, f.Comparison);
                if (!share.HasValue)
                {
                    continue;
                }

                loads.Add(new LineLoad
                {
                    RuleId = f.RuleId,
                    Subject = ReportText.Scrub(f.Subject),
                    Title = f.Title,
                    Period = f.Period,
                    Value = f.Value.Value,
                    Line = f.Threshold.Value,
                    Comparison = f.Comparison,
                    Share = share.Value,
                    Status = f.Status,
                });
            }

            // A rule seen once is named by its title; one seen for several subjects by its subject.
            var perRule = loads.GroupBy(l => l.RuleId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            foreach (LineLoad l in loads)
            {
                string name = perRule[l.RuleId] > 1 && !string.IsNullOrEmpty(l.Subject) ? l.Subject : l.Title;
                l.Label = (l.RuleId + " " + name).Trim();
            }

            d.LoadCount = loads.Count;
            d.Loads = loads.OrderByDescending(l => l.Share).ThenBy(l => Finding.Rank(l.Status)).ThenBy(l => l.Label, StringComparer.Ordinal).Take(LoadLimit).ToList();
        }

        private static void BuildOwners(ReportDashboard d, IReadOnlyList<PlanItem> items, DateTime asOf)
        {
            string nobody = Text.Get(nameof(Strings.ReportNoOwner));
            var owners = items.GroupBy(i => OwnerOf(i) ?? nobody, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    var o = new OwnerLoad { Owner = g.Key, Missing = g.Key == nobody };
                    foreach (PlanItem i in g)
                    {
                        switch (StateOf(i, asOf))
                        {
                            case ItemState.Overdue: o.Overdue++; break;
                            case ItemState.DueSoon: o.DueSoon++; break;
                            case ItemState.Open: o.Open++; break;
                            default: o.Done++; break;
                        }
                    }

                    return o;
                })
                .ToList();
            d.OwnerCount = owners.Count;
            d.Owners = owners.OrderByDescending(o => o.Overdue).ThenByDescending(o => o.DueSoon).ThenByDescending(o => o.Total).ThenBy(o => o.Owner, StringComparer.Ordinal).Take(OwnerLimit).ToList();
        }

        /// <summary>The owner as shown: the name given, else the mail; null when nobody owns the item.</summary>
        public static string OwnerOf(PlanItem item)
        {
            if (item.OwnerMissing)
            {
                return null;
            }

            string owner = !string.IsNullOrWhiteSpace(item.OwnerName) ? item.OwnerName : item.Owner;
            return string.IsNullOrWhiteSpace(owner) ? null : ReportText.Scrub(owner.Trim());
        }

        private static List<WeekLoad> BuildWeeks(IReadOnlyList<PlanItem> items, DateTime asOf)
        {
            DateTime end = asOf.AddDays(UpcomingDays);
            var weeks = new List<WeekLoad>();
            for (DateTime monday = Monday(asOf); monday <= end; monday = monday.AddDays(7))
            {
                weeks.Add(new WeekLoad { Monday = monday });
            }

            foreach (PlanItem i in items)
            {
                if (i.Status == PlanStatus.Completed || !i.DueDate.HasValue || i.DueDate.Value.Date < asOf || i.DueDate.Value.Date > end)
                {
                    continue;
                }

                WeekLoad week = weeks[(int)((Monday(i.DueDate.Value) - weeks[0].Monday).TotalDays / 7)];
                if (i.Kind == PlanItemKind.Schedule)
                {
                    week.Schedule++;
                }
                else
                {
                    week.Rectification++;
                }
            }

            return weeks;
        }

        private static List<UrgentAction> UrgentActions(IReadOnlyList<PlanItem> items, DateTime asOf)
        {
            string[] kinds = Text.Get(nameof(Strings.ReportScheduleKinds)).Split('|');
            return items.Where(i => i.Status != PlanStatus.Completed && i.DueDate.HasValue)
                .OrderBy(i => i.DueDate).ThenBy(i => i.Priority).ThenBy(i => i.Key, StringComparer.Ordinal)
                .Take(UrgentLimit)
                .Select(i =>
                {
                    string rule = i.RuleId;
                    string title = ReportText.Scrub(i.Title ?? string.Empty);
                    if (i.Kind == PlanItemKind.Schedule || string.IsNullOrEmpty(rule))
                    {
                        string kind = (i.Key ?? string.Empty).Split('|').ElementAtOrDefault(1);
                        rule = kind == "AnnualReport" ? kinds[0] : (kind == "Inspection" ? kinds[1] : string.Empty);
                    }
                    else if (title.StartsWith(rule + " ", StringComparison.Ordinal))
                    {
                        title = title.Substring(rule.Length + 1);
                    }

                    return new UrgentAction
                    {
                        Rule = rule,
                        Title = title,
                        Owner = OwnerOf(i),
                        DueDate = i.DueDate.Value.Date,
                        DaysLeft = (int)(i.DueDate.Value.Date - asOf).TotalDays,
                        State = StateOf(i, asOf),
                        Kind = i.Kind,
                        FindingStatus = i.FindingStatus,
                        Key = ReportText.Scrub(i.Key),
                    };
                })
                .ToList();
        }

        /// <summary>"3 d", "today", "12 d overdue" in the UI culture.</summary>
        public static string DaysLeftText(int days)
        {
            if (days == 0)
            {
                return Text.Get(nameof(Strings.ReportDueToday));
            }

            return days > 0
                ? Text.Format(nameof(Strings.ReportDaysLeft), days)
                : Text.Format(nameof(Strings.ReportDaysOverdue), -days);
        }

        /// <summary>A share as a person reads it: 107%, or &gt;999% past that.</summary>
        public static string ShareText(double share)
        {
            return share > 9.99 ? ">999%" : share.ToString("0%", CultureInfo.InvariantCulture);
        }

        internal static DateTime Monday(DateTime date)
        {
            int offset = ((int)date.DayOfWeek + 6) % 7;
            return date.Date.AddDays(-offset);
        }

        private static string MostCommon(IEnumerable<string> values)
        {
            return values.Where(v => !string.IsNullOrWhiteSpace(v))
                .GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => ReportText.Scrub(g.Key))
                .FirstOrDefault();
        }
    }

}
