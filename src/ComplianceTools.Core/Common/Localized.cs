using System;
using System.Collections.Generic;
using System.Globalization;

namespace ComplianceTools.Core.Common
{
    /// <summary>A text in Chinese and English; <see cref="Current"/> picks by the UI culture.</summary>
    public sealed class LocalizedText
    {
        public LocalizedText(string zh, string en)
        {
            Zh = zh ?? string.Empty;
            En = en ?? string.Empty;
        }

        public string Zh { get; }

        public string En { get; }

        public string Current => UiLanguage.IsChinese ? (Zh.Length > 0 ? Zh : En) : (En.Length > 0 ? En : Zh);

        public static LocalizedText FromDictionary(IDictionary<string, string> values)
        {
            if (values == null)
            {
                return new LocalizedText(string.Empty, string.Empty);
            }

            values.TryGetValue("zh-CN", out string zh);
            values.TryGetValue("en-US", out string en);
            return new LocalizedText(zh, en);
        }

        public override string ToString() => Current;
    }

    /// <summary>The user's language: Chinese when the UI culture is zh-*, English otherwise.</summary>
    public static class UiLanguage
    {
        public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", System.StringComparison.OrdinalIgnoreCase);

        public static string Pick(string zh, string en) => IsChinese ? zh : en;

        /// <summary>
        /// Makes <paramref name="culture"/> the UI culture of this thread until the returned scope is disposed, then
        /// restores the one before: a report in Chinese or English without changing the language of the session.
        /// </summary>
        public static IDisposable Use(CultureInfo culture) => new CultureScope(culture);

        private sealed class CultureScope : IDisposable
        {
            private readonly CultureInfo _saved;
            private bool _disposed;

            public CultureScope(CultureInfo culture)
            {
                _saved = CultureInfo.CurrentUICulture;
                if (culture != null)
                {
                    CultureInfo.CurrentUICulture = culture;
                }
            }

            public void Dispose()
            {
                if (!_disposed)
                {
                    CultureInfo.CurrentUICulture = _saved;
                    _disposed = true;
                }
            }
        }
    }
}
