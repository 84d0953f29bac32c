using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Engine.Calendar
{
    /// <summary>
    /// China's holiday data: the shipped State Council notices (module/data/cn-public-holidays.json,
    /// embedded) and user files in the same shape, whose years replace or add whole years:
    /// <c>{ "source": "…", "years": [2027], "holidays": { "2027-01-01": "元旦" }, "workdays": { "2027-02-06": "春节" } }</c>.
    /// "years" is optional (the years of the dates given are covered).
    /// </summary>
    public static class HolidayData
    {
        private const string ResourceName = "ComplianceTools.Data.cn-public-holidays.json";
        private static readonly Lazy<WorkingCalendar> s_default = new Lazy<WorkingCalendar>(LoadEmbedded);

        /// <summary>The shipped calendar (2004–2026 at this release).</summary>
        public static WorkingCalendar Default => s_default.Value;

        /// <summary>The shipped calendar with the user file's years on top; null or empty path gives the shipped one.</summary>
        public static WorkingCalendar Load(string userFile)
        {
            if (string.IsNullOrWhiteSpace(userFile))
            {
                return Default;
            }

            if (!File.Exists(userFile))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Calendar.HolidayFileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.HolidayFileNotFound), userFile), userFile));
            }

            string json;
            try
            {
                json = File.ReadAllText(userFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Calendar.HolidayFileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.HolidayFileUnreadable), userFile, ex.Message), userFile), ex);
            }

            return Default.With(Parse(json, userFile));
        }

        /// <summary>Parses a holiday file; every problem names the file and line.</summary>
        public static WorkingCalendar Parse(string json, string file)
        {
            JObject root;
            try
            {
                root = JObject.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonReaderException ex)
            {
                throw Invalid(file, ex.LineNumber, Text.Format(nameof(Strings.HolidayFileNotJson), ex.Message));
            }

            var holidays = Dates(root, "holidays", file);
            var workdays = Dates(root, "workdays", file);
            foreach (DateTime both in holidays.Keys.Intersect(workdays.Keys))
            {
                throw Invalid(file, Line(root["workdays"]?[both.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]), Text.Format(nameof(Strings.HolidayFileBothKinds), both.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            foreach (DateTime weekday in workdays.Keys.Where(d => d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday))
            {
                throw Invalid(file, Line(root["workdays"]?[weekday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]), Text.Format(nameof(Strings.HolidayFileWorkdayNotWeekend), weekday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            var years = new SortedSet<int>(holidays.Keys.Concat(workdays.Keys).Select(d => d.Year));
            if (root["years"] is JArray declared)
            {
                foreach (JToken y in declared)
                {
                    // A 30-digit number is a BigInteger: it is "not a year", never an overflow.
                    if (y.Type != JTokenType.Integer || !(((JValue)y).Value is long year) || year < 1949 || year > 2200)
                    {
                        throw Invalid(file, Line(y), Text.Format(nameof(Strings.HolidayFileBadYear), y.ToString(Formatting.None)));
                    }

                    years.Add((int)year);
                }
            }

            if (years.Count == 0)
            {
                throw Invalid(file, 1, Text.Get(nameof(Strings.HolidayFileEmpty)));
            }

            string source = (string)root["source"];
            return new WorkingCalendar(holidays, workdays, years, string.IsNullOrEmpty(source) ? Path.GetFileName(file) : source);
        }

        private static Dictionary<DateTime, string> Dates(JObject root, string name, string file)
        {
            var result = new Dictionary<DateTime, string>();
            JToken token = root[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return result;
            }

            if (!(token is JObject map))
            {
                throw Invalid(file, Line(token), Text.Format(nameof(Strings.HolidayFileNotMap), name));
            }

            foreach (JProperty p in map.Properties())
            {
                if (!DateTime.TryParseExact(p.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date) || date < WorkingCalendar.FirstDate || date > WorkingCalendar.LastDate)
                {
                    throw Invalid(file, Line(p), Text.Format(nameof(Strings.HolidayFileBadDate), p.Name));
                }

                result[date] = p.Value.Type == JTokenType.String ? (string)p.Value : string.Empty;
            }

            return result;
        }

        private static int Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

        private static ComplianceException Invalid(string file, int line, string detail)
        {
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Calendar.HolidayFileInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.HolidayFileInvalid), file, line, detail), file));
        }

        private static WorkingCalendar LoadEmbedded()
        {
            using (Stream stream = typeof(HolidayData).Assembly.GetManifestResourceStream(ResourceName))
            using (var reader = new StreamReader(stream))
            {
                return Parse(reader.ReadToEnd(), ResourceName);
            }
        }
    }
}
