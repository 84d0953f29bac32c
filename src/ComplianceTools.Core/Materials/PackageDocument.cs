using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Materials
{
    /// <summary>
    /// One required document of the materials package (MAT-001 general, MAT-002 special), read from the
    /// rule's <c>documents</c> parameter so clients and provinces can rename or add documents in a baseline:
    /// <code>{ "id": "BusinessLicence", "name": { "zh-CN": "营业执照", "en-US": "Business licence" },
    ///   "patterns": [ "营业执照", "business licence" ], "requiredWhen": "robotSeats", "kind": "socialInsurance" }</code>
    /// </summary>
    public sealed class PackageDocument
    {
        /// <summary>Value of <c>requiredWhen</c>: the document is required only when the company has robot (AI) seats.</summary>
        public const string WhenRobotSeats = "robotSeats";

        /// <summary>Value of <c>kind</c>: the social-insurance payment list, whose months are checked from the SocialInsurance sheet.</summary>
        public const string KindSocialInsurance = "socialInsurance";

        /// <summary>Value of <c>kind</c>: the audit report, whose firm and opinion MAT-004 checks.</summary>
        public const string KindAuditReport = "auditReport";

        public PackageDocument(string ruleId, string id, LocalizedText name, IReadOnlyList<string> patterns, string requiredWhen, string kind)
        {
            RuleId = ruleId;
            Id = id;
            Name = name;
            Patterns = patterns;
            RequiredWhen = requiredWhen;
            Kind = kind;
        }

        /// <summary>MAT-001 or MAT-002.</summary>
        public string RuleId { get; }

        /// <summary>Stable id (BusinessLicence): the checklist row's key.</summary>
        public string Id { get; }

        public LocalizedText Name { get; }

        /// <summary>Parts of a file or folder name that identify the document, Chinese and English.</summary>
        public IReadOnlyList<string> Patterns { get; }

        /// <summary>Empty (always required) or <see cref="WhenRobotSeats"/>.</summary>
        public string RequiredWhen { get; }

        /// <summary>Empty, <see cref="KindSocialInsurance"/> or <see cref="KindAuditReport"/>.</summary>
        public string Kind { get; }

        public bool IsConditional => !string.IsNullOrEmpty(RequiredWhen);

        /// <summary>Whether a relative path (folders and file name) names this document: a pattern is part of it, ignoring case, spaces, '_', '-' and '.'.</summary>
        public bool MatchesPath(string relativePath)
        {
            string name = Normalize(relativePath);
            return Patterns.Any(p => name.IndexOf(Normalize(p), StringComparison.Ordinal) >= 0);
        }

        /// <summary>Whether a materials-sheet Document cell names this document: its id, a name, or a text containing a pattern.</summary>
        public bool MatchesLabel(string label)
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                return false;
            }

            string text = Normalize(label);
            return text == Normalize(Id) || text == Normalize(Name.Zh) || text == Normalize(Name.En) || MatchesPath(label);
        }

        public override string ToString() => Id;

        /// <summary>Lower case without spaces, '_', '-', '.' and full-width spaces, so "Business_Licence" meets "business licence".</summary>
        internal static string Normalize(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(value.Length);
            foreach (char c in value.ToLowerInvariant())
            {
                if (c != ' ' && c != '_' && c != '-' && c != '.' && c != '\u3000')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// The documents of a rule (its <c>documents</c> parameter, after baselines). A malformed entry is a
        /// clear error naming the rule and the entry, never a document silently dropped.
        /// </summary>
        public static IReadOnlyList<PackageDocument> FromRule(RuleDefinition rule)
        {
            if (!rule.Parameters.TryGetValue("documents", out object value) || !(value is System.Collections.IEnumerable items) || value is string)
            {
                throw Invalid(rule.Id, 0, "documents");
            }

            var documents = new List<PackageDocument>();
            int index = 0;
            foreach (object item in items)
            {
                index++;
                if (!(item is IDictionary<string, object> entry))
                {
                    throw Invalid(rule.Id, index, "{ id, name, patterns }");
                }

                string id = Get(entry, "id") as string;
                if (string.IsNullOrWhiteSpace(id))
                {
                    throw Invalid(rule.Id, index, "id");
                }

                if (!(Get(entry, "name") is IDictionary<string, object> names))
                {
                    throw Invalid(rule.Id, index, "name");
                }

                var name = new LocalizedText(Get(names, "zh-CN") as string, Get(names, "en-US") as string);
                if (name.Zh.Length == 0 && name.En.Length == 0)
                {
                    throw Invalid(rule.Id, index, "name");
                }

                var patterns = (Get(entry, "patterns") as System.Collections.IEnumerable)?.Cast<object>().Select(p => p as string).ToList();
                if (patterns == null || Get(entry, "patterns") is string || patterns.Count == 0 || patterns.Any(p => string.IsNullOrWhiteSpace(p) || Normalize(p).Length == 0))
                {
                    throw Invalid(rule.Id, index, "patterns");
                }

                string when = Get(entry, "requiredWhen") as string;
                if (!string.IsNullOrEmpty(when) && when != WhenRobotSeats)
                {
                    throw Invalid(rule.Id, index, "requiredWhen");
                }

                string kind = Get(entry, "kind") as string;
                if (!string.IsNullOrEmpty(kind) && kind != KindSocialInsurance && kind != KindAuditReport)
                {
                    throw Invalid(rule.Id, index, "kind");
                }

                if (documents.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Invalid(rule.Id, index, "id");
                }

                documents.Add(new PackageDocument(rule.Id, id, name, patterns, when, kind));
            }

            return documents;
        }

        private static object Get(IDictionary<string, object> entry, string key)
        {
            return entry.TryGetValue(key, out object v) ? v : null;
        }

        private static ComplianceException Invalid(string ruleId, int index, string field)
        {
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Materials.DocumentListInvalid",
                ProblemKind.InvalidData,
                Text.Format(nameof(Resources.Strings.MaterialsDocumentListInvalid), ruleId, index.ToString(CultureInfo.InvariantCulture), field),
                ruleId));
        }
    }
}
