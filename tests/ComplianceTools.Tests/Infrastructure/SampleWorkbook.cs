using System;
using System.IO;
using System.Management.Automation;
using System.Security.Cryptography;

namespace ComplianceTools.Tests.Infrastructure
{
    /// <summary>
    /// The sample workbook of 2025 (New-ComplianceWorkbook -Sample -Year 2025: 2,000 seats, 30,000 complaints), written
    /// once for every test class of the <see cref="Collection"/> collection, and read and audited once in one runspace:
    /// <c>$global:book</c> is the imported dataset, <c>$global:audit</c> the audit's output (findings and summary) as of
    /// the sample's own check date, 2026-03-15.
    /// Writing the sample takes seconds, so no test of the collection writes it again except to prove the bytes repeat.
    /// <para>
    /// Shared, so read-only: a test that changes the workbook works on <see cref="Copy"/>; a test that needs runspace
    /// state of its own (variables, culture, a baseline in force) opens its own <see cref="ModuleSession"/>.
    /// The classes of one collection run one after the other, never at the same time, so the session is never used by
    /// two tests at once.
    /// </para>
    /// </summary>
    public sealed class SampleWorkbook : IDisposable
    {
        public const string Collection = "Sample workbook 2025";

        private readonly ModuleSession _session;
        private readonly Lazy<ModuleSession> _audited;

        public SampleWorkbook()
        {
            Folder = Paths.NewTempFolder();
            Book = Folder.File("sample-2025.xlsx");
            _session = new ModuleSession();
            try
            {
                Written = _session.Run("New-ComplianceWorkbook -Path $args[0] -Sample -Year 2025", Book).Single();
            }
            catch
            {
                Dispose();
                throw;
            }

            WrittenHash = Hash(Book);
            _audited = new Lazy<ModuleSession>(() =>
            {
                _session.Run("$global:book = Import-ComplianceWorkbook -Path $args[0]; $global:audit = @($global:book | Invoke-ComplianceAudit -AsOf 2026-03-15)", Book).ThrowOnError();
                return _session;
            });
        }

        /// <summary>The workbook's path; never change the file (use <see cref="Copy"/>).</summary>
        public string Book { get; }

        /// <summary>A temp folder for the collection's outputs; name files uniquely (a GUID), the classes share it.</summary>
        public TempFolder Folder { get; }

        /// <summary>What New-ComplianceWorkbook wrote to the pipeline (the file's FileInfo).</summary>
        public PSObject Written { get; }

        /// <summary>SHA-256 of the workbook right after it was written, before anything read it.</summary>
        public byte[] WrittenHash { get; }

        /// <summary>The runspace that wrote the sample, with <c>$global:book</c> and <c>$global:audit</c> (read on first use).</summary>
        public ModuleSession Ps => _audited.Value;

        /// <summary>A copy of the workbook in the collection's folder, for a test that changes it.</summary>
        public string Copy(string name)
        {
            string path = Folder.File(Guid.NewGuid().ToString("N").Substring(0, 8) + "-" + name);
            File.Copy(Book, path);
            return path;
        }

        public static byte[] Hash(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
            {
                return sha.ComputeHash(stream);
            }
        }

        public void Dispose()
        {
            _session.Dispose();
            Folder.Dispose();
        }
    }

    /// <summary>The test classes that read the sample workbook share one <see cref="SampleWorkbook"/>.</summary>
    [CollectionDefinition(SampleWorkbook.Collection)]
    public sealed class SampleWorkbookCollection : ICollectionFixture<SampleWorkbook>
    {
    }
}
