using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Rules
{
    /// <summary>One problem with a parameter value: where in the value (documents[2].patterns[0]) and what it must be.</summary>
    public sealed class ParameterError
    {
        public ParameterError(string path, string expected)
        {
            Path = path;
            Expected = expected;
        }

        /// <summary>The parameter name, with the item or property inside it where the problem is.</summary>
        public string Path { get; }

        /// <summary>What the value must be, in the user's language.</summary>
        public string Expected { get; }

        public override string ToString() => Path + ": " + Expected;
    }

    /// <summary>
    /// What a rule parameter may hold, from its catalog entry: a JSON-Schema subset (type number, integer, boolean,
    /// string, array, object; minimum, maximum, exclusiveMinimum, enum, minLength, minItems, items, properties,
    /// required, additionalProperties; formats regex, time, complaintChannel, auditOpinion) plus lessOrEqual, another
    /// parameter of the same rule this one may not exceed. The same spec checks a value from a baseline (with the
    /// file and line) and from a cmdlet parameter, so no setting can carry a value the check was not built for.
    /// </summary>
    public sealed class ParameterSpec
    {
        private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(1);
        private readonly IDictionary<string, object> _schema;

        public ParameterSpec(string name, IDictionary<string, object> schema, NumberOrigin origin, LocalizedText meaning)
        {
            Name = name;
            _schema = schema ?? new Dictionary<string, object>();
            Origin = origin;
            Meaning = meaning ?? new LocalizedText(string.Empty, string.Empty);
        }

        public string Name { get; }

        /// <summary>Guide (the guide gives the number or the list) or Ours.</summary>
        public NumberOrigin Origin { get; }

        public LocalizedText Meaning { get; }

        /// <summary>The schema as a plain dictionary (for the published JSON schema).</summary>
        public IDictionary<string, object> Schema => _schema;

        /// <summary>The parameter this one may not exceed, or null.</summary>
        public string LessOrEqual => _schema.TryGetValue("lessOrEqual", out object v) ? v as string : null;

        /// <summary>What the value must be, as a person reads it ("a whole number from 1 to 20").</summary>
        public string Describe() => Describe(_schema);

        /// <summary>Every problem of <paramref name="value"/> (a double, bool, string, list or dictionary, as JSON gives them).</summary>
        public IReadOnlyList<ParameterError> Validate(object value)
        {
            var errors = new List<ParameterError>();
            Check(_schema, value, Name, errors);
            return errors;
        }

        /// <summary>The problems of a whole parameter set: each value, then each lessOrEqual pair.</summary>
        public static IReadOnlyList<ParameterError> ValidateAll(IDictionary<string, ParameterSpec> specs, IDictionary<string, object> values)
        {
            var errors = new List<ParameterError>();
            foreach (ParameterSpec spec in specs.Values)
            {
                values.TryGetValue(spec.Name, out object value);
                errors.AddRange(spec.Validate(value));
            }

            if (errors.Count > 0)
            {
                return errors;
            }

            foreach (ParameterSpec spec in specs.Values.Where(s => s.LessOrEqual != null))
            {
                if (Number(values[spec.Name]) is double low && values.TryGetValue(spec.LessOrEqual, out object other) && Number(other) is double high && low > high)
                {
                    errors.Add(new ParameterError(spec.Name, Text.Format(nameof(Strings.ParamExpectAtMost), Show(high), spec.LessOrEqual)));
                }
            }

            return errors;
        }

        private static void Check(IDictionary<string, object> schema, object value, string path, List<ParameterError> errors)
        {
            string type = schema.TryGetValue("type", out object t) ? t as string : null;
            switch (type)
            {
                case "number":
                case "integer":
                    double? n = Number(value);
                    if (!n.HasValue || (type == "integer" && Math.Abs(n.Value - Math.Round(n.Value)) > 1e-9) || OutOfRange(schema, n.Value))
                    {
                        errors.Add(new ParameterError(path, Describe(schema)));
                    }

                    break;
                case "boolean":
                    if (!(value is bool))
                    {
                        errors.Add(new ParameterError(path, Describe(schema)));
                    }

                    break;
                case "string":
                    if (!(value is string s) || !StringOk(schema, s))
                    {
                        errors.Add(new ParameterError(path, Describe(schema)));
                    }

                    break;
                case "array":
                    if (!(value is IList list) || value is string || list.Count < (int)(Number(Get(schema, "minItems")) ?? 0))
                    {
                        errors.Add(new ParameterError(path, Describe(schema)));
                        break;
                    }

                    if (Get(schema, "items") is IDictionary<string, object> items)
                    {
                        for (int i = 0; i < list.Count; i++)
                        {
                            Check(items, list[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                        }
                    }

                    break;
                case "object":
                    if (!(value is IDictionary<string, object> obj))
                    {
                        errors.Add(new ParameterError(path, Describe(schema)));
                        break;
                    }

                    var properties = Get(schema, "properties") as IDictionary<string, object> ?? new Dictionary<string, object>();
                    foreach (string required in Names(Get(schema, "required")).Where(r => !obj.ContainsKey(r)))
                    {
                        errors.Add(new ParameterError(path + "." + required, Text.Get(nameof(Strings.ParamExpectPresent))));
                    }

                    foreach (KeyValuePair<string, object> property in obj)
                    {
                        if (properties.TryGetValue(property.Key, out object sub) && sub is IDictionary<string, object> subSchema)
                        {
                            Check(subSchema, property.Value, path + "." + property.Key, errors);
                        }
                        else if (Get(schema, "additionalProperties") is IDictionary<string, object> others)
                        {
                            Check(others, property.Value, path + "." + property.Key, errors);
                        }
                        else if (Equals(Get(schema, "additionalProperties"), false))
                        {
                            errors.Add(new ParameterError(path + "." + property.Key, Text.Format(nameof(Strings.ParamExpectKnownKey), string.Join(", ", properties.Keys))));
                        }
                    }

                    break;
            }
        }

        private static bool OutOfRange(IDictionary<string, object> schema, double n)
        {
            return double.IsNaN(n) || double.IsInfinity(n)
                || (Number(Get(schema, "minimum")) is double min && n < min)
                || (Number(Get(schema, "exclusiveMinimum")) is double above && n <= above)
                || (Number(Get(schema, "maximum")) is double max && n > max);
        }

        private static bool StringOk(IDictionary<string, object> schema, string s)
        {
            if (s.Trim().Length < (int)(Number(Get(schema, "minLength")) ?? 0))
            {
                return false;
            }

            if (Get(schema, "enum") is IList allowed && !allowed.Cast<object>().Any(a => string.Equals(a as string, s, StringComparison.Ordinal)))
            {
                return false;
            }

            switch (Get(schema, "format") as string)
            {
                case "regex":
                    try
                    {
                        _ = new Regex(s, RegexOptions.CultureInvariant, s_regexTimeout);
                        return true;
                    }
                    catch (ArgumentException)
                    {
                        return false;
                    }

                case "time":
                    return DateTime.TryParseExact(s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                case "complaintChannel":
                    return ComplaintChannels.TryParse(s, out _);
                case "auditOpinion":
                    return Choices.TryParse<AuditOpinion>(s, out _);
                default:
                    return true;
            }
        }

        private static string Describe(IDictionary<string, object> schema)
        {
            string type = Get(schema, "type") as string;
            switch (type)
            {
                case "number":
                case "integer":
                    string kind = Text.Get(type == "integer" ? nameof(Strings.ParamExpectInteger) : nameof(Strings.ParamExpectNumber));
                    string low = Number(Get(schema, "exclusiveMinimum")) is double above
                        ? Text.Format(nameof(Strings.ParamExpectAbove), Show(above))
                        : Number(Get(schema, "minimum")) is double min ? Text.Format(nameof(Strings.ParamExpectFrom), Show(min)) : string.Empty;
                    string high = Number(Get(schema, "maximum")) is double max ? Text.Format(nameof(Strings.ParamExpectTo), Show(max)) : string.Empty;
                    return (kind + low + high).Trim();
                case "boolean":
                    return Text.Get(nameof(Strings.ParamExpectBoolean));
                case "string":
                    if (Get(schema, "enum") is IList allowed)
                    {
                        return Text.Format(nameof(Strings.ParamExpectOneOf), string.Join(", ", allowed.Cast<object>()));
                    }

                    switch (Get(schema, "format") as string)
                    {
                        case "regex": return Text.Get(nameof(Strings.ParamExpectRegex));
                        case "time": return Text.Get(nameof(Strings.ParamExpectTime));
                        case "complaintChannel": return Text.Format(nameof(Strings.ParamExpectOneOf), string.Join(", ", Enum.GetValues(typeof(ComplaintChannel)).Cast<ComplaintChannel>().Select(ComplaintChannels.Label)));
                        case "auditOpinion": return Text.Format(nameof(Strings.ParamExpectOneOf), string.Join(", ", Choices.Labels<AuditOpinion>()));
                        default: return Text.Get(nameof(Strings.ParamExpectText));
                    }

                case "array":
                    string of = Get(schema, "items") is IDictionary<string, object> items ? Describe(items) : string.Empty;
                    int least = (int)(Number(Get(schema, "minItems")) ?? 0);
                    return least > 0 ? Text.Format(nameof(Strings.ParamExpectListAtLeast), of, least) : Text.Format(nameof(Strings.ParamExpectList), of);
                default:
                    return Text.Get(nameof(Strings.ParamExpectObject));
            }
        }

        private static object Get(IDictionary<string, object> schema, string key) => schema.TryGetValue(key, out object v) ? v : null;

        private static IEnumerable<string> Names(object list) => (list as IEnumerable)?.Cast<object>().Select(o => o as string).Where(s => s != null) ?? Enumerable.Empty<string>();

        private static double? Number(object value)
        {
            switch (value)
            {
                case double d: return d;
                case int i: return i;
                case long l: return l;
                case float f: return f;
                case decimal m: return (double)m;
                default: return null;
            }
        }

        private static string Show(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
