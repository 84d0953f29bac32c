using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;

namespace ComplianceTools.Workplace.WeCom
{
    /// <summary>
    /// The ids of the WeCom calendars the module created, per organisation, app and calendar name. WeCom has no
    /// call that lists an app's calendars, so a calendar whose id is lost can never be found again: the id is
    /// kept in a small JSON file (by default %LOCALAPPDATA%\ComplianceTools\wecom-calendars.json), written whole
    /// (a temporary file, then moved into place). It holds ids and names, never a secret or a token.
    /// </summary>
    internal static class CalendarState
    {
        internal const string FileName = "wecom-calendars.json";

        /// <summary>The calendar id kept for (corp, agent, name), or null.</summary>
        internal static string Find(string path, string corpId, long agentId, string name)
        {
            return Load(path).Calendars.FirstOrDefault(c => Same(c, corpId, agentId, name))?.CalId;
        }

        /// <summary>Keeps (or replaces) the calendar id of (corp, agent, name).</summary>
        internal static void Save(string path, string corpId, long agentId, string name, string calId)
        {
            StateFile state = Load(path);
            state.Calendars.RemoveAll(c => Same(c, corpId, agentId, name));
            state.Calendars.Add(new CalendarEntry { CorpId = corpId, AgentId = agentId, Name = name, CalId = calId, CreatedAt = DateTimeOffset.Now.ToString("o", System.Globalization.CultureInfo.InvariantCulture) });
            string temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                File.WriteAllText(temp, JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw WorkplaceProblems.Fail("StateFileUnwritable", ProblemKind.WriteError, Text.Format(nameof(Strings.WorkplaceStateFileUnwritable), path, calId, ex.Message), path);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        private static bool Same(CalendarEntry c, string corpId, long agentId, string name) =>
            string.Equals(c.CorpId, corpId, StringComparison.Ordinal) && c.AgentId == agentId && string.Equals(c.Name, name, StringComparison.Ordinal);

        private static StateFile Load(string path)
        {
            if (!File.Exists(path))
            {
                return new StateFile();
            }

            try
            {
                StateFile state = JsonSerializer.Deserialize<StateFile>(File.ReadAllText(path)) ?? new StateFile();
                state.Calendars = state.Calendars ?? new List<CalendarEntry>();
                return state;
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
            {
                // Never guess: a lost id means a second calendar and every schedule made again.
                throw WorkplaceProblems.Fail("StateFileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.WorkplaceStateFileUnreadable), path, ex.Message), path);
            }
        }

        private sealed class StateFile
        {
            public int Version { get; set; } = 1;

            public List<CalendarEntry> Calendars { get; set; } = new List<CalendarEntry>();
        }

        private sealed class CalendarEntry
        {
            public string CorpId { get; set; }

            public long AgentId { get; set; }

            public string Name { get; set; }

            public string CalId { get; set; }

            public string CreatedAt { get; set; }
        }
    }
}
