using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ComplianceTools.Engine.Workbook
{
    // The formula scan and the sheet tabs WorkbookPackage reads.
    internal sealed partial class WorkbookPackage
    {
        /// <summary>Formula scans of several tabs running in the background, in order; disposing stops those not yet started.</summary>
        internal sealed class FormulaScan : IDisposable
        {
            private readonly Dictionary<string, TaskCompletionSource<IReadOnlyDictionary<long, string>>> _results = new Dictionary<string, TaskCompletionSource<IReadOnlyDictionary<long, string>>>(StringComparer.Ordinal);
            private volatile bool _stopped;

            public FormulaScan(WorkbookPackage package, IEnumerable<string> tabs)
            {
                var order = tabs.Distinct(StringComparer.Ordinal).ToList();
                foreach (string tab in order)
                {
                    _results[tab] = new TaskCompletionSource<IReadOnlyDictionary<long, string>>();
                }

                Task.Run(() =>
                {
                    foreach (string tab in order)
                    {
                        TaskCompletionSource<IReadOnlyDictionary<long, string>> result = _results[tab];
                        if (_stopped)
                        {
                            result.TrySetResult(null);
                            continue;
                        }

                        try
                        {
                            result.TrySetResult(package.FormulaCells(tab));
                        }
                        catch (Exception ex)
                        {
                            result.TrySetException(ex);
                        }
                    }
                });
            }

            /// <summary>The cells of a tab holding an Excel error or a formula without a result (null when none), once its scan is done.</summary>
            public IReadOnlyDictionary<long, string> Get(string tab)
            {
                if (!_results.TryGetValue(tab, out TaskCompletionSource<IReadOnlyDictionary<long, string>> result))
                {
                    return null;
                }

                return result.Task.GetAwaiter().GetResult();
            }

            public void Dispose() => _stopped = true;
        }

        /// <summary>A tab of the workbook: its name, visibility (visible, hidden, veryHidden) and part.</summary>
        internal sealed class Tab
        {
            public Tab(string name, string state, string part)
            {
                Name = name;
                State = state;
                Part = part;
            }

            public string Name { get; }

            public string State { get; }

            public string Part { get; }

            public bool Visible => string.Equals(State, "visible", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(State);
        }
    }
}
