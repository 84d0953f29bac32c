using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Engine.Planning
{
    /// <summary>
    /// The planning policy (module/rules/planning.json) and the guides' calendars (module/rules/schedules.json),
    /// embedded in the engine. A user file in the same shape overrides: its severities and rules replace the
    /// shipped entries of the same name; its schedule kinds replace whole kinds.
    /// </summary>
    public static class PlanningData
    {
        private const string PolicyResource = "ComplianceTools.Rules.planning.json";
        private const string ScheduleResource = "ComplianceTools.Rules.schedules.json";

        /// <summary>The shipped policy, then <paramref name="userFile"/> on top.</summary>
        public static PlanningPolicy LoadPolicy(string userFile)
        {
            var policy = new PlanningPolicy();
            ApplyPolicy(policy, Parse(ReadResource(PolicyResource), PolicyResource), PolicyResource);
            if (!string.IsNullOrWhiteSpace(userFile))
            {
                ApplyPolicy(policy, Parse(ReadFile(userFile), userFile), userFile);
            }

            return policy;
        }

        /// <summary>Every calendar (AnnualReport, Inspection), from the shipped file with <paramref name="userFile"/>'s kinds on top.</summary>
        public static IReadOnlyList<ScheduleDefinition> LoadSchedules(string userFile)
        {
            return Kinds(userFile).Values.OrderBy(k => k.Kind, StringComparer.Ordinal).ToList();
        }

        /// <summary>The calendar of one kind (AnnualReport, Inspection), from the shipped file or <paramref name="userFile"/>.</summary>
        public static ScheduleDefinition LoadSchedule(string kind, string userFile)
        {
            Dictionary<string, ScheduleDefinition> kinds = Kinds(userFile);
            if (kinds.TryGetValue(kind, out ScheduleDefinition schedule))
            {
                return schedule;
            }

            throw new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Planning.ScheduleKindNotFound", ProblemKind.ObjectNotFound,
                Text.Format(nameof(Strings.ScheduleKindNotFound), kind, string.Join(", ", kinds.Keys.OrderBy(k => k, StringComparer.Ordinal))), kind));
        }

        private static Dictionary<string, ScheduleDefinition> Kinds(string userFile)
        {
            var kinds = new Dictionary<string, ScheduleDefinition>(StringComparer.OrdinalIgnoreCase);
            ApplySchedules(kinds, Parse(ReadResource(ScheduleResource), ScheduleResource), ScheduleResource);
            if (!string.IsNullOrWhiteSpace(userFile))
            {
                ApplySchedules(kinds, Parse(ReadFile(userFile), userFile), userFile);
            }

            return kinds;
        }

        private static void ApplyPolicy(PlanningPolicy policy, JObject root, string file)
        {
            policy.Sources.Add(Path.GetFileName(file));
            if (root["severities"] is JObject severities)
            {
                foreach (JProperty p in severities.Properties())
                {
                    if (!Enum.TryParse(p.Name, true, out Severity severity))
                    {
                        throw Invalid(file, p, Text.Format(nameof(Strings.PlanningUnknownName), p.Name, "Red, Yellow, Green"));
                    }

                    policy.Severities[severity] = new SeverityPlan
                    {
                        WorkingDays = Days(p.Value["workingDays"], file),
                        Priority = Priority(p.Value["priority"], file),
                        Origin = Origin(p.Value["origin"], file),
                    };
                }
            }

            if (root["skipped"] is JObject skipped)
            {
                var plan = new SkippedPlan
                {
                    WorkingDays = Days(skipped["workingDays"], file),
                    Priority = Priority(skipped["priority"], file),
                    Origin = Origin(skipped["origin"], file),
                    Title = skipped["title"] == null ? policy.Skipped.Title : Localized(skipped["title"]),
                };
                foreach (JToken step in skipped["steps"] ?? new JArray())
                {
                    plan.Steps.Add(Localized(step));
                }

                policy.Skipped = plan;
            }

            if (root["keyMonitoring"] is JObject monitoring)
            {
                JToken factor = monitoring["yellowFactor"];
                if (factor == null || (factor.Type != JTokenType.Float && factor.Type != JTokenType.Integer) || !((double)factor > 0 && (double)factor <= 1))
                {
                    throw Invalid(file, factor ?? monitoring, Text.Format(nameof(Strings.PlanningBadFactor), factor?.ToString(Formatting.None) ?? "null"));
                }

                JToken step = monitoring["priorityStep"];
                if (step != null && (step.Type != JTokenType.Integer || (int)step < 0 || (int)step > 3))
                {
                    throw Invalid(file, step, Text.Format(nameof(Strings.PlanningBadDays), step.ToString(Formatting.None)));
                }

                policy.KeyMonitoring = new KeyMonitoringPlan
                {
                    YellowFactor = (double)factor,
                    PriorityStep = step == null ? 1 : (int)step,
                    Origin = Origin(monitoring["origin"], file),
                    Description = monitoring["description"] == null ? policy.KeyMonitoring.Description : Localized(monitoring["description"]),
                };
            }

            var notices = root["notices"] as JObject ?? new JObject();

            if (root["closingStep"] is JObject closing)
            {
                policy.ClosingStep = Localized(closing);
            }

            if (root["rules"] is JObject rules)
            {
                foreach (JProperty p in rules.Properties())
                {
                    // A rule may take its span, steps and follow-ups from a notice shared by several rules (guide B's
                    // rectification notice covers both the complaint rate and number consistency).
                    JToken source = p.Value;
                    if (p.Value["notice"] != null)
                    {
                        string notice = (string)p.Value["notice"];
                        source = notice == null ? null : notices[notice];
                        if (source == null)
                        {
                            throw Invalid(file, p.Value["notice"], Text.Format(nameof(Strings.PlanningUnknownName), p.Value["notice"].ToString(Formatting.None), string.Join(", ", notices.Properties().Select(n => n.Name))));
                        }
                    }

                    var plan = new RulePlan
                    {
                        WorkingDays = source["workingDays"] == null ? (int?)null : Days(source["workingDays"], file),
                        Origin = Origin(source["origin"], file),
                    };
                    foreach (JToken step in source["steps"] ?? new JArray())
                    {
                        plan.Steps.Add(Localized(step));
                    }

                    foreach (JToken f in source["followUps"] ?? new JArray())
                    {
                        var follow = new FollowUpPlan { Id = Required(f, "id", file), WorkingDays = Days(f["workingDays"], file), Title = Localized(f["title"]) };
                        foreach (JToken step in f["steps"] ?? new JArray())
                        {
                            follow.Steps.Add(Localized(step));
                        }

                        plan.FollowUps.Add(follow);
                    }

                    policy.Rules[p.Name] = plan;
                }
            }

            if (root["areas"] is JObject areas)
            {
                foreach (JProperty p in areas.Properties())
                {
                    policy.AreaAliases[p.Name] = p.Name;
                    foreach (JToken alias in p.Value as JArray ?? new JArray())
                    {
                        policy.AreaAliases[(string)alias] = p.Name;
                    }
                }
            }
        }

        private static void ApplySchedules(IDictionary<string, ScheduleDefinition> kinds, JObject root, string file)
        {
            if (!(root["schedules"] is JObject schedules))
            {
                throw Invalid(file, root, Text.Format(nameof(Strings.PlanningMissing), "schedules"));
            }

            foreach (JProperty p in schedules.Properties())
            {
                string guide = (string)p.Value["guide"];
                var schedule = new ScheduleDefinition
                {
                    Kind = p.Name,
                    Guide = guide,
                    GuideName = guide != null && Rules.CatalogLoader.Default.Guides.TryGetValue(guide, out LocalizedText name) ? name : null,
                    Section = (string)p.Value["section"],
                };
                foreach (JToken phase in p.Value["phases"] ?? new JArray())
                {
                    string start = Required(phase, "start", file);
                    string end = Required(phase, "end", file);
                    string deadline = (string)phase["deadline"] ?? "Internal";
                    if (!Enum.TryParse(deadline, true, out DeadlineKind kind))
                    {
                        throw Invalid(file, phase["deadline"], Text.Format(nameof(Strings.PlanningUnknownName), deadline, "Internal, Regulator"));
                    }

                    var item = new SchedulePhase
                    {
                        Id = Required(phase, "id", file),
                        Area = (string)phase["area"],
                        Deadline = kind,
                        Title = Localized(phase["title"]),
                        Description = Localized(phase["description"]),
                    };
                    (item.StartMonth, item.StartDay) = MonthDay(start, phase["start"], file);
                    (item.EndMonth, item.EndDay) = MonthDay(end, phase["end"], file);
                    foreach (JToken step in phase["steps"] ?? new JArray())
                    {
                        item.Steps.Add(Localized(step));
                    }

                    // The rules whose data the phase needs: those whose catalog entry names the phase in neededBy, and, for a
                    // guide's filing milestone, every rule of that guide. Nothing here lists rules by hand.
                    bool everyRule = phase["needsEveryRuleOfItsGuide"]?.Type == JTokenType.Boolean && (bool)phase["needsEveryRuleOfItsGuide"];
                    foreach (var rule in Rules.CatalogLoader.Default.Rules.Where(r => r.NeededBy.Contains(item.Id, StringComparer.Ordinal) || (everyRule && r.Guide == guide)))
                    {
                        item.Rules.Add(rule.Id);
                    }

                    if (phase["conflict"] != null)
                    {
                        item.Conflict = Localized(phase["conflict"]);
                    }

                    item.StartOrigin = DateOrigin(phase, "startOrigin", file);
                    item.EndOrigin = DateOrigin(phase, "endOrigin", file);

                    schedule.Phases.Add(item);
                }

                kinds[p.Name] = schedule;
            }
        }

        /// <summary>A phase date's origin: Guide (the default) or Ours; a baseline-like Baseline is not a schedule's.</summary>
        private static NumberOrigin DateOrigin(JToken phase, string name, string file)
        {
            string text = (string)phase[name];
            if (text == null)
            {
                return NumberOrigin.Guide;
            }

            if (Enum.TryParse(text, true, out NumberOrigin origin) && origin != NumberOrigin.Baseline)
            {
                return origin;
            }

            throw Invalid(file, phase[name], Text.Format(nameof(Strings.PlanningUnknownName), text, "Guide, Ours"));
        }

        private static (int, int) MonthDay(string text, JToken token, string file)
        {
            if (DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d))
            {
                return (d.Month, d.Day);
            }

            throw Invalid(file, token, Text.Format(nameof(Strings.PlanningBadMonthDay), text));
        }

        private static int Days(JToken token, string file)
        {
            if (token != null && token.Type == JTokenType.Integer && (int)token >= 0 && (int)token <= 3650)
            {
                return (int)token;
            }

            throw Invalid(file, token, Text.Format(nameof(Strings.PlanningBadDays), token?.ToString(Formatting.None) ?? "null"));
        }

        private static NumberOrigin Origin(JToken token, string file)
        {
            string text = (string)token ?? "ours";
            if (Enum.TryParse(text, true, out NumberOrigin origin) && origin != NumberOrigin.Baseline)
            {
                return origin;
            }

            throw Invalid(file, token, Text.Format(nameof(Strings.PlanningUnknownName), text, "guide, ours"));
        }

        private static PlanPriority Priority(JToken token, string file)
        {
            string text = (string)token ?? "Medium";
            if (Enum.TryParse(text, true, out PlanPriority priority))
            {
                return priority;
            }

            throw Invalid(file, token, Text.Format(nameof(Strings.PlanningUnknownName), text, "Urgent, Important, Medium, Low"));
        }

        private static string Required(JToken parent, string name, string file)
        {
            string value = (string)parent[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Invalid(file, parent, Text.Format(nameof(Strings.PlanningMissing), name));
            }

            return value;
        }

        private static LocalizedText Localized(JToken token)
        {
            if (token is JObject o)
            {
                return new LocalizedText((string)o["zh-CN"], (string)o["en-US"]);
            }

            return token != null && token.Type == JTokenType.String ? new LocalizedText((string)token, (string)token) : new LocalizedText(string.Empty, string.Empty);
        }

        private static JObject Parse(string json, string file)
        {
            try
            {
                return JObject.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonReaderException ex)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Planning.FileInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.PlanningFileInvalid), file, ex.LineNumber, ex.Message), file), ex);
            }
        }

        private static string ReadFile(string file)
        {
            if (!File.Exists(file))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Planning.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.PlanningFileNotFound), file), file));
            }

            return File.ReadAllText(file);
        }

        private static string ReadResource(string name)
        {
            using (Stream stream = typeof(PlanningData).Assembly.GetManifestResourceStream(name))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }

        private static ComplianceException Invalid(string file, JToken token, string detail)
        {
            int line = token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Planning.FileInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.PlanningFileInvalid), file, line, detail), file));
        }
    }
}
