using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// Lets a row parameter take rows that are not yet typed: Import-Csv lines, hashtables or custom objects whose
    /// property names are the sheet's English or Chinese headers, with dates, numbers and choices as text. Typed rows
    /// pass unchanged. A value that cannot be converted fails that input only, with a message naming the column.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TextRowTransformationAttribute : ArgumentTransformationAttribute
    {
        public TextRowTransformationAttribute(Type rowType)
        {
            RowType = rowType;
        }

        public Type RowType { get; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object input = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (input == null || RowType.IsInstanceOfType(input) || input is string)
            {
                return inputData;
            }

            if (input is IList list && !(input is IDictionary))
            {
                if (list.Cast<object>().Any(i => !IsRowLike(i)))
                {
                    return inputData;
                }

                Array rows = Array.CreateInstance(RowType, list.Count);
                for (int i = 0; i < list.Count; i++)
                {
                    rows.SetValue(One(list[i]), i);
                }

                return rows;
            }

            // Other .NET objects (a whole workbook, say) are left to the binder, which tries the other parameters.
            return IsRowLike(inputData) ? One(inputData) : inputData;
        }

        /// <summary>A typed row, a hashtable, or a property bag (Import-Csv, [pscustomobject]).</summary>
        private bool IsRowLike(object item)
        {
            object b = item is PSObject p ? p.BaseObject : item;
            return b == null || RowType.IsInstanceOfType(b) || b is IDictionary || b is PSCustomObject;
        }

        private object One(object item)
        {
            object baseObject = item is PSObject pso ? pso.BaseObject : item;
            if (baseObject == null || RowType.IsInstanceOfType(baseObject))
            {
                return baseObject;
            }

            IEnumerable<KeyValuePair<string, object>> values;
            if (baseObject is IDictionary dictionary)
            {
                values = dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object>(Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture), Unwrap(dictionary[k])));
            }
            else
            {
                values = PSObject.AsPSObject(item).Properties.Select(p => new KeyValuePair<string, object>(p.Name, Unwrap(SafeValue(p))));
            }

            try
            {
                return TextRows.Build(RowType, values.ToList());
            }
            catch (ComplianceException ex)
            {
                // Not a binding error (PowerShell's ParameterArgumentTransformationError would stop the command): a row
                // that carries its problem, which the cmdlet writes with its own id before it reads the other rows.
                var rejected = (WorkbookRow)Activator.CreateInstance(RowType);
                rejected.Rejected = ex.Problem;
                return rejected;
            }
        }

        private static object Unwrap(object value) => value is PSObject p ? p.BaseObject : value;

        private static object SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }
    }
}
