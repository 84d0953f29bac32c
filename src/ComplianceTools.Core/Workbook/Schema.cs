using System;
using System.Reflection;
using System.Linq;
using System.Collections.Generic;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>Table: a header row then one record a row. Form: one record, a field a row (字段 | 值).</summary>
    public enum SheetLayout
    {
        Table,
        Form,
    }

    /// <summary>Marks a row class as a sheet of the input workbook, with its English and Chinese names.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class SheetAttribute : Attribute
    {
        public SheetAttribute(string name, string chineseName)
        {
            Name = name;
            ChineseName = chineseName;
        }

        public string Name { get; }

        public string ChineseName { get; }

        public SheetLayout Layout { get; set; } = SheetLayout.Table;

        /// <summary>What the sheet is for, in English (shown on the instructions sheet).</summary>
        public string Purpose { get; set; }

        /// <summary>What the sheet is for, in Chinese.</summary>
        public string PurposeZh { get; set; }

        /// <summary>Order of the sheet in the workbook.</summary>
        public int Order { get; set; }

        /// <summary>
        /// True when a table sheet with no rows means "none" (no penalties, no complaints, nobody trained or insured,
        /// no callback test made), which a rule judges. Otherwise no rows means "not filled in yet" (seats, traffic,
        /// numbers, revenue, the staff roster …) and the rules that need the sheet are Skipped.
        /// </summary>
        public bool EmptyMeansNone { get; set; }
    }

    /// <summary>Marks a property as a column, with its English and Chinese headers and other accepted headers.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ColumnAttribute : Attribute
    {
        public ColumnAttribute(string name, string chineseName)
        {
            Name = name;
            ChineseName = chineseName;
        }

        public string Name { get; }

        public string ChineseName { get; }

        /// <summary>Other headers accepted on import (common synonyms, Chinese or English).</summary>
        public string[] Aliases { get; set; } = Array.Empty<string>();

        /// <summary>A missing required column is one clear error; an empty required cell is a bad cell.</summary>
        public bool Required { get; set; }

        /// <summary>With <see cref="Required"/>: the column must be there, but an empty cell is read as "unknown" (the check says so), not as a bad cell.</summary>
        public bool BlankAllowed { get; set; }

        /// <summary>The column holds personal data (phone, ID number, name): masked in every output.</summary>
        public bool Personal { get; set; }

        /// <summary>Hint for people filling the sheet (format, unit), in English.</summary>
        public string Hint { get; set; }

        /// <summary>Hint in Chinese.</summary>
        public string HintZh { get; set; }

        /// <summary>Number format for Excel (yyyy-mm-dd, 0.00%, …).</summary>
        public string Format { get; set; }

        /// <summary>Text with this format (yyyy-MM for months, HH:mm for times of day).</summary>
        public string TextFormat { get; set; }

        /// <summary>The smallest value a number column can truly hold (0 for counts, money and seconds); none by default.</summary>
        public double Min { get; set; } = double.NaN;

        /// <summary>The largest value a number column can truly hold (100 for a credit score); none by default.</summary>
        public double Max { get; set; } = double.NaN;

        /// <summary>A date that cannot lie after the day the workbook is read (a log's first day, a complaint received, a decision taken).</summary>
        public bool NotInFuture { get; set; }
    }

    /// <summary>The Chinese label of an enumeration value, shown in drop-downs; the English name is accepted too.</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class ChoiceAttribute : Attribute
    {
        public ChoiceAttribute(string label, params string[] aliases)
        {
            Label = label;
            Aliases = aliases ?? Array.Empty<string>();
        }

        public string Label { get; }

        public string[] Aliases { get; }
    }

    /// <summary>Enum values by the names people write: the value's name, its [Choice] label or an alias, without case.</summary>
    public static class Choices
    {
        public static bool TryParse<T>(string text, out T value)
            where T : struct
        {
            string name = (text ?? string.Empty).Trim();
            foreach (T candidate in Enum.GetValues(typeof(T)))
            {
                ChoiceAttribute choice = Of(candidate);
                if (string.Equals(name, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                    || (choice != null && (string.Equals(name, choice.Label, StringComparison.OrdinalIgnoreCase) || choice.Aliases.Any(a => string.Equals(name, a, StringComparison.OrdinalIgnoreCase)))))
                {
                    value = candidate;
                    return true;
                }
            }

            value = default(T);
            return false;
        }

        /// <summary>The value as people write it (its [Choice] label), else its name.</summary>
        public static string Label<T>(T value)
            where T : struct
            => Of(value)?.Label ?? value.ToString();

        /// <summary>Every value as people write it.</summary>
        public static IEnumerable<string> Labels<T>()
            where T : struct
            => Enum.GetValues(typeof(T)).Cast<T>().Select(Label);

        private static ChoiceAttribute Of<T>(T value) => typeof(T).GetField(value.ToString()).GetCustomAttribute<ChoiceAttribute>();
    }

    /// <summary>Base of every row: where it came from, for messages that name file, sheet and row.</summary>
    public abstract class WorkbookRow
    {
        public Common.SourceLocation Origin { get; set; }

        /// <summary>
        /// Set on a row given as text (a hashtable, an Import-Csv line) whose values could not be read: the cmdlet writes
        /// this problem, with its ComplianceTools id, and goes on with the other rows instead of failing the binding.
        /// </summary>
        internal Common.ComplianceProblem Rejected { get; set; }
    }
}
