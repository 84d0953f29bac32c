using System;
using System.Collections;
using System.Globalization;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>Reads the per-source arguments of Compare-CallRecord (a value for all sources, or a hashtable by source).</summary>
    public static class CallRecordArguments
    {
        /// <summary>A source's files with -Encoding, -TimeZone and -ColumnMap applied.</summary>
        public static CallRecordSourceInput Source(CallSource source, System.Collections.Generic.IEnumerable<string> files, object encoding, object timeZone, IDictionary columnMap)
        {
            var input = new CallRecordSourceInput(source, files);
            string encodingName = PerSource(encoding, source);
            if (encodingName != null)
            {
                input.Encoding = CallRecordOptions.ParseEncoding(encodingName);
            }

            string zone = PerSource(timeZone, source);
            if (zone != null)
            {
                input.TimeZone = CallTimeZone.Parse(zone);
            }

            object map = columnMap != null && columnMap.Contains(source.ToString()) ? Unwrap(columnMap[source.ToString()]) : null;
            if (map != null)
            {
                if (!(map is IDictionary columns))
                {
                    throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.ColumnMapInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordColumnMapInvalid), source), source.ToString()));
                }

                foreach (DictionaryEntry e in columns)
                {
                    string key = Convert.ToString(Unwrap(e.Key), CultureInfo.InvariantCulture);
                    string value = Convert.ToString(Unwrap(e.Value), CultureInfo.InvariantCulture);
                    if (string.Equals(key, "Caller", StringComparison.OrdinalIgnoreCase))
                    {
                        input.CallerColumn = value;
                    }
                    else if (string.Equals(key, "Start", StringComparison.OrdinalIgnoreCase))
                    {
                        input.StartColumn = value;
                    }
                    else
                    {
                        throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.ColumnMapInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordColumnMapInvalid), source), key));
                    }
                }
            }

            return input;
        }

        /// <summary>The value for a source: the value itself, or the hashtable's entry for the source (or '*').</summary>
        public static string PerSource(object value, CallSource source)
        {
            value = Unwrap(value);
            if (value == null)
            {
                return null;
            }

            if (!(value is IDictionary map))
            {
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            }

            object found = null;
            foreach (DictionaryEntry e in map)
            {
                string key = Convert.ToString(Unwrap(e.Key), CultureInfo.InvariantCulture);
                bool known = Enum.TryParse(key, true, out CallSource s);
                if (!known && key != "*")
                {
                    throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.SourceUnknown", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordSourceUnknown), key), key));
                }

                if ((known && s == source) || (found == null && key == "*"))
                {
                    found = e.Value;
                }
            }

            return found == null ? null : Convert.ToString(Unwrap(found), CultureInfo.InvariantCulture);
        }

        /// <summary>The object inside a PowerShell PSObject wrapper (found by name: the engine has no PowerShell types).</summary>
        public static object Unwrap(object value)
        {
            if (value != null && value.GetType().FullName == "System.Management.Automation.PSObject")
            {
                return value.GetType().GetProperty("BaseObject")?.GetValue(value) ?? value;
            }

            return value;
        }
    }
}
