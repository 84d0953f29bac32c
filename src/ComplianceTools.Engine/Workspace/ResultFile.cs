using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workspace;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>
    /// A run's result as JSON (module/workspace/result.schema.json): written by every workspace run and by
    /// Export-ComplianceResult, read by Import-ComplianceResult, Compare-ComplianceResult and the next run (key monitoring,
    /// changes since last run). Personal data is masked on the way out: subjects, reasons, keys and titles through
    /// <see cref="Mask.Text"/>, owners through <see cref="Mask.Contact"/>. Evidence is not kept.
    /// </summary>
    public static class ResultFile
    {
        private static readonly string[] s_top =
        {
            "$schema", "schemaVersion", "moduleVersion", "client", "season", "reportYear", "runTime", "asOf", "baselines", "keyMonitoring", "summary", "findings", "planItems",
        };

        /// <summary>
        /// The result of a run: findings and items as they are now, masked. <paramref name="baselines"/> are the files applied
        /// (their bytes are hashed now, so the file records what the findings were judged with).
        /// </summary>
        public static ComplianceResult Build(string client, int season, DateTimeOffset runTime, DateTime asOf, IEnumerable<string> baselines, IEnumerable<Finding> findings, IEnumerable<PlanItem> items, IEnumerable<string> keyMonitoring, double? factor)
        {
            var all = (findings ?? Enumerable.Empty<Finding>()).Where(f => f != null).ToList();
            return new ComplianceResult
            {
                ModuleVersion = ModuleInfo.Version,
                Client = client,
                Season = season,
                ReportYear = ReportYearOf(all),
                RunTime = runTime,
                AsOf = asOf.Date,
                Baselines = (baselines ?? Enumerable.Empty<string>()).Where(b => !string.IsNullOrEmpty(b)).Select(b => new ResultBaseline(Path.GetFileName(b), Path.GetFullPath(b), Sha256(b))).ToList(),
                KeyMonitoring = (keyMonitoring ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList(),
                KeyMonitoringFactor = factor,
                Findings = all.Select(Masked).ToList(),
                PlanItems = (items ?? Enumerable.Empty<PlanItem>()).Where(i => i != null).Select(Masked).ToList(),
            };
        }

        /// <summary>The report year the findings judge: the most common year their periods begin with; null when none says.</summary>
        public static int? ReportYearOf(IEnumerable<Finding> findings) => findings
            .Select(f => f.Period != null && f.Period.Length >= 4 && int.TryParse(f.Period.Substring(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : (int?)null)
            .Where(y => y.HasValue).GroupBy(y => y.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();

        /// <summary>Writes the result whole, never over another file without <paramref name="force"/>.</summary>
        public static FileInfo Write(ComplianceResult result, string path, bool force)
        {
            var json = new JObject
            {
                ["$schema"] = "https://complianceTools/schemas/result.schema.json",
                ["schemaVersion"] = ComplianceResult.CurrentSchemaVersion,
                ["moduleVersion"] = result.ModuleVersion ?? ModuleInfo.Version,
                ["client"] = Mask.Text(result.Client),
                ["season"] = result.Season,
                ["reportYear"] = result.ReportYear.HasValue ? (JToken)result.ReportYear.Value : JValue.CreateNull(),
                ["runTime"] = result.RunTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                ["asOf"] = Day(result.AsOf),
                ["baselines"] = new JArray(result.Baselines.Select(b => new JObject { ["name"] = b.Name, ["path"] = b.Path, ["sha256"] = b.Sha256 })),
                ["keyMonitoring"] = new JObject
                {
                    ["rules"] = new JArray(result.KeyMonitoring),
                    ["yellowFactor"] = result.KeyMonitoringFactor.HasValue ? (JToken)result.KeyMonitoringFactor.Value : JValue.CreateNull(),
                },
                ["summary"] = new JObject
                {
                    ["red"] = result.Red,
                    ["yellow"] = result.Yellow,
                    ["green"] = result.Green,
                    ["skipped"] = result.Skipped,
                    ["notApplicable"] = result.NotApplicable,
                    ["excepted"] = result.Findings.Count(f => f.Exception != null),
                    ["planItems"] = result.PlanItems.Count(i => i.Kind == PlanItemKind.Rectification),
                    ["scheduleItems"] = result.PlanItems.Count(i => i.Kind == PlanItemKind.Schedule),
                    ["overdue"] = result.Overdue,
                },
                ["findings"] = new JArray(result.Findings.Select(Json)),
                ["planItems"] = new JArray(result.PlanItems.Select(Json)),
            };
            FileInfo file = JsonFile.Write(path, json, force);
            result.Path = file.FullName;
            return file;
        }

        /// <summary>Reads a result; a file from a newer schema, or one that is not a result, is a located error naming the file.</summary>
        public static ComplianceResult Read(string path)
        {
            string file = Path.GetFullPath(path);
            Func<int?, string> where = line => Text.Format(nameof(Strings.BaselineWhere), file, line?.ToString(CultureInfo.InvariantCulture) ?? "?");
            JObject root = JsonFile.Load(file, where);
            var problems = new List<ComplianceProblem>();
            JsonFile.SchemaVersion(root, ComplianceResult.CurrentSchemaVersion, file, where, "ComplianceTools.Workspace.ResultSchemaTooNew", problems);
            if (problems.Count > 0)
            {
                throw new ComplianceException(problems[0]);
            }

            var reader = new Reader(file, where);
            foreach (JProperty unknown in root.Properties().Where(p => !s_top.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw reader.Bad(unknown, Text.Format(nameof(Strings.WorkspaceUnknownSetting), unknown.Name, string.Join(", ", s_top.Skip(1))));
            }

            var result = new ComplianceResult
            {
                SchemaVersion = (int)root["schemaVersion"],
                ModuleVersion = reader.Text(root, "moduleVersion", true),
                Client = reader.Text(root, "client", true),
                Season = reader.Int(root, "season", true).Value,
                ReportYear = reader.Int(root, "reportYear", false),
                RunTime = reader.Moment(root, "runTime"),
                AsOf = reader.Date(root, "asOf", true).Value,
                Path = file,
            };
            result.Baselines = reader.Array(root, "baselines").Select(b => new ResultBaseline(reader.Text(b, "name", true), reader.Text(b, "path", false), reader.Text(b, "sha256", false))).ToList();
            if (root["keyMonitoring"] is JObject monitoring)
            {
                result.KeyMonitoring = reader.Array(monitoring, "rules").Select(t => reader.Value<string>(t, "keyMonitoring.rules")).ToList();
                result.KeyMonitoringFactor = reader.Number(monitoring, "yellowFactor");
            }

            result.Findings = reader.Array(root, "findings").Select(reader.Finding).ToList();
            result.PlanItems = reader.Array(root, "planItems").Select(reader.Item).ToList();
            return result;
        }

        private static string Sha256(string path)
        {
            try
            {
                using (var sha = SHA256.Create())
                using (FileStream stream = File.OpenRead(path))
                {
                    return string.Concat(sha.ComputeHash(stream).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>A finding as a result keeps it: subject and reason masked, no evidence.</summary>
        private static Finding Masked(Finding f)
        {
            Finding copy = f.Copy();
            copy.Subject = Mask.Text(f.Subject);
            copy.Reason = Mask.Text(f.Reason);
            copy.Evidence = null;
            return copy;
        }

        /// <summary>A plan item as a result keeps it: key, title and subject masked, owners masked as contacts.</summary>
        private static PlanItem Masked(PlanItem i)
        {
            PlanItem copy = i.Copy();
            copy.Key = Mask.Text(i.Key);
            copy.Title = Mask.Text(i.Title);
            copy.Owner = Mask.Contact(i.Owner);
            copy.OwnerName = Mask.Contact(i.OwnerName);
            copy.Owners = null;
            copy.Subject = Mask.Text(i.Subject);
            copy.Description = Mask.Text(i.Description);
            copy.Steps = i.Steps.Select(Mask.Text).ToList();
            return copy;
        }

        private static JObject Json(Finding f)
        {
            return new JObject
            {
                ["key"] = f.Key,
                ["ruleId"] = f.RuleId,
                ["title"] = f.Title,
                ["area"] = f.Area,
                ["status"] = f.Status.ToString(),
                ["value"] = Number(f.Value),
                ["unit"] = f.Unit,
                ["threshold"] = Number(f.Threshold),
                ["comparison"] = f.Comparison.HasValue ? (JToken)f.Comparison.Value.ToString() : JValue.CreateNull(),
                ["thresholdOrigin"] = f.ThresholdOrigin.HasValue ? (JToken)f.ThresholdOrigin.Value.ToString() : JValue.CreateNull(),
                ["thresholdSource"] = f.ThresholdSource,
                ["yellowThreshold"] = Number(f.YellowThreshold),
                ["subject"] = f.Subject,
                ["period"] = f.Period,
                ["reason"] = f.Reason,
                ["source"] = f.Source,
                ["baseline"] = f.Baseline,
                ["keyMonitoring"] = f.KeyMonitoring,
                ["exception"] = f.Exception == null ? JValue.CreateNull() : (JToken)new JObject
                {
                    ["rule"] = f.Exception.RuleId,
                    ["subject"] = Mask.Text(f.Exception.Subject),
                    ["reason"] = Mask.Text(f.Exception.Reason),
                    ["approvedBy"] = Mask.Text(f.Exception.ApprovedBy),
                    ["expires"] = f.Exception.ExpiresText,
                    ["source"] = f.Exception.Source,
                },
            };
        }

        private static JObject Json(PlanItem i)
        {
            return new JObject
            {
                ["key"] = i.Key,
                ["kind"] = i.Kind.ToString(),
                ["title"] = i.Title,
                ["ruleId"] = string.IsNullOrEmpty(i.RuleId) ? JValue.CreateNull() : (JToken)i.RuleId,
                ["area"] = i.Area,
                ["owner"] = i.Owner,
                ["ownerName"] = i.OwnerName,
                ["ownerMissing"] = i.OwnerMissing,
                ["priority"] = i.Priority.ToString(),
                ["findingStatus"] = i.FindingStatus.HasValue ? (JToken)i.FindingStatus.Value.ToString() : JValue.CreateNull(),
                ["startDate"] = Day(i.StartDate),
                ["dueDate"] = i.DueDate.HasValue ? (JToken)Day(i.DueDate.Value) : JValue.CreateNull(),
                ["dueDateOrigin"] = i.DueDateOrigin.ToString(),
                ["deadlineKind"] = i.DeadlineKind,
                ["status"] = i.Status.ToString(),
                ["overdue"] = i.Overdue,
                ["provisional"] = i.Provisional,
                ["workingDays"] = i.WorkingDays,
                ["subject"] = i.Subject,
                ["period"] = i.Period,
                ["source"] = i.Source,
            };
        }

        private static JToken Number(double? value) => value.HasValue && !double.IsNaN(value.Value) && !double.IsInfinity(value.Value) ? (JToken)value.Value : JValue.CreateNull();

        private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Reads the fields of a result; the first field of the wrong kind stops the read with its line.</summary>
        private sealed class Reader
        {
            private readonly string _file;
            private readonly Func<int?, string> _where;

            public Reader(string file, Func<int?, string> where)
            {
                _file = file;
                _where = where;
            }

            public ComplianceException Bad(JToken at, string detail) =>
                JsonFile.Invalid("ComplianceTools.Workspace.ResultInvalid", _file, _where(JsonFile.Line(at)), detail);

            public string Text(JToken o, string name, bool required)
            {
                JToken t = o[name];
                if (t == null || t.Type == JTokenType.Null)
                {
                    if (required)
                    {
                        throw Bad(o, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "text"));
                    }

                    return null;
                }

                return t.Type == JTokenType.String ? (string)t : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "text"));
            }

            public int? Int(JToken o, string name, bool required)
            {
                JToken t = o[name];
                if (t == null || t.Type == JTokenType.Null)
                {
                    return required ? throw Bad(o, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a whole number")) : (int?)null;
                }

                return t.Type == JTokenType.Integer ? (int)t : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a whole number"));
            }

            public double? Number(JToken o, string name)
            {
                JToken t = o[name];
                if (t == null || t.Type == JTokenType.Null)
                {
                    return null;
                }

                return t.Type == JTokenType.Integer || t.Type == JTokenType.Float ? (double)t : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a number"));
            }

            public bool Flag(JToken o, string name)
            {
                JToken t = o[name];
                if (t == null || t.Type == JTokenType.Null)
                {
                    return false;
                }

                return t.Type == JTokenType.Boolean ? (bool)t : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "true or false"));
            }

            public DateTime? Date(JToken o, string name, bool required)
            {
                string text = Text(o, name, required);
                if (text == null)
                {
                    return null;
                }

                return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d) ? d : throw Bad(o[name], Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a date yyyy-MM-dd"));
            }

            public DateTimeOffset Moment(JToken o, string name)
            {
                string text = Text(o, name, true);
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset d) ? d : throw Bad(o[name], Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a time yyyy-MM-ddTHH:mm:ss+08:00"));
            }

            public T Enum<T>(JToken o, string name, bool required)
                where T : struct
            {
                string text = Text(o, name, required);
                if (text == null)
                {
                    return default(T);
                }

                return System.Enum.TryParse(text, false, out T value) && System.Enum.IsDefined(typeof(T), value) ? value : throw Bad(o[name], Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, string.Join(", ", System.Enum.GetNames(typeof(T)))));
            }

            public T? NullableEnum<T>(JToken o, string name)
                where T : struct => o[name] == null || o[name].Type == JTokenType.Null ? (T?)null : Enum<T>(o, name, true);

            public IEnumerable<JToken> Array(JToken o, string name)
            {
                JToken t = o[name];
                if (t == null || t.Type == JTokenType.Null)
                {
                    return Enumerable.Empty<JToken>();
                }

                return t is JArray a ? a.Children().ToList() : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a list"));
            }

            public T Value<T>(JToken t, string name) => t.Type == JTokenType.String || t.Type == JTokenType.Integer || t.Type == JTokenType.Float ? t.Value<T>() : throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a value"));

            public Finding Finding(JToken t)
            {
                if (!(t is JObject o))
                {
                    throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "findings[]", "an object"));
                }

                var f = new Finding
                {
                    RuleId = Text(o, "ruleId", true),
                    Title = Text(o, "title", false),
                    Area = Text(o, "area", false),
                    Status = Enum<FindingStatus>(o, "status", true),
                    Value = Number(o, "value"),
                    Unit = Text(o, "unit", false),
                    Threshold = Number(o, "threshold"),
                    Comparison = NullableEnum<Comparison>(o, "comparison"),
                    ThresholdOrigin = NullableEnum<NumberOrigin>(o, "thresholdOrigin"),
                    ThresholdSource = Text(o, "thresholdSource", false),
                    YellowThreshold = Number(o, "yellowThreshold"),
                    Subject = Text(o, "subject", false),
                    Period = Text(o, "period", false),
                    Reason = Text(o, "reason", false),
                    Source = Text(o, "source", false),
                    Baseline = Text(o, "baseline", false),
                    KeyMonitoring = Flag(o, "keyMonitoring"),
                };
                if (o["exception"] is JObject e)
                {
                    DateTime expires = Date(e, "expires", true).Value;
                    f.Exception = new AcceptedException(Text(e, "rule", true), Text(e, "subject", true), Text(e, "reason", false), Text(e, "approvedBy", false), expires, Text(e, "source", false), null);
                }

                return f;
            }

            public PlanItem Item(JToken t)
            {
                if (!(t is JObject o))
                {
                    throw Bad(t, Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "planItems[]", "an object"));
                }

                FindingStatus? status = NullableEnum<FindingStatus>(o, "findingStatus");
                return new PlanItem
                {
                    Key = Text(o, "key", true),
                    Kind = Enum<PlanItemKind>(o, "kind", true),
                    Title = Text(o, "title", false),
                    RuleId = Text(o, "ruleId", false),
                    Area = Text(o, "area", false),
                    Owner = Text(o, "owner", false),
                    OwnerName = Text(o, "ownerName", false),
                    OwnerMissing = Flag(o, "ownerMissing"),
                    Priority = Enum<PlanPriority>(o, "priority", true),
                    FindingStatus = status,
                    Severity = status.HasValue && status.Value <= FindingStatus.Red ? (Severity?)(Severity)(int)status.Value : null,
                    StartDate = Date(o, "startDate", true).Value,
                    DueDate = Date(o, "dueDate", false),
                    DueDateOrigin = Enum<NumberOrigin>(o, "dueDateOrigin", false),
                    DeadlineKind = Text(o, "deadlineKind", false),
                    Status = Enum<PlanStatus>(o, "status", false),
                    Overdue = Flag(o, "overdue"),
                    Provisional = Flag(o, "provisional"),
                    WorkingDays = Int(o, "workingDays", false) ?? 0,
                    Subject = Text(o, "subject", false),
                    Period = Text(o, "period", false),
                    Source = Text(o, "source", false),
                };
            }
        }
    }
}
