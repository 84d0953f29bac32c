using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workbook;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>
    /// A small operator a person can check by hand, in three sheets only (every other rule is Skipped for its missing
    /// sheet, or not applicable): the company form (report year, check date, credit score), the seats (how many of them
    /// are activated) and one month of traffic on a 95 number and, where asked, a landline.
    /// </summary>
    public sealed class SmallOperator
    {
        public string Name { get; set; }

        public string LicenceNumber { get; set; } = "B2-20990001";

        public int ReportYear { get; set; } = 2025;

        /// <summary>Seats on file; <see cref="Activated"/> of them are activated, so the vacancy is (Seats − Activated) / Seats.</summary>
        public int Seats { get; set; } = 100;

        public int Activated { get; set; } = 100;

        /// <summary>Calls shown with 95099001 in January of the report year.</summary>
        public long ShortCalls { get; set; } = 100000;

        /// <summary>Calls shown with the landline 021-00000011 (NUM-001 counts them against 95/96).</summary>
        public long LandlineCalls { get; set; }

        public double CreditScore { get; set; } = 90;

        /// <summary>Writes the workbook (replacing <paramref name="path"/>).</summary>
        public string Save(string path)
        {
            var seats = new List<object[]> { new object[] { "坐席编号", "是否开通" } };
            for (int i = 1; i <= Seats; i++)
            {
                seats.Add(new object[] { "S" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), i <= Activated ? "是" : "否" });
            }

            var traffic = new List<object[]> { new object[] { "月份", "外显号码", "外呼量" }, new object[] { ReportYear + "-01", "95099001", (double)ShortCalls } };
            if (LandlineCalls > 0)
            {
                traffic.Add(new object[] { ReportYear + "-01", "021-00000011", (double)LandlineCalls });
            }

            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return new XlsxBuilder()
                .Sheet("公司信息", new object[] { "字段", "值" }, new object[] { "公司名称", Name }, new object[] { "许可证编号", LicenceNumber }, new object[] { "报告年度", (double)ReportYear },
                    new object[] { "检查日期", XlsxBuilder.Date(ReportYear + 1, 3, 1) }, new object[] { "码号信用分", CreditScore })
                .Sheet("坐席", seats.ToArray())
                .Sheet("呼叫流量", traffic.ToArray())
                .Save(path);
        }
    }

    /// <summary>
    /// A temporary folder whose name has letters only: messages name files, and every message goes through the privacy
    /// net, which rightly masks a long run of digits (a GUID's hex can hold one) as if it were a phone number.
    /// </summary>
    public sealed class LetterFolder : IDisposable
    {
        public LetterFolder()
        {
            var random = new Random();
            FullName = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ct-ws-" + new string(Enumerable.Range(0, 12).Select(_ => (char)('a' + random.Next(26))).ToArray()));
            Directory.CreateDirectory(FullName);
        }

        public string FullName { get; }

        public string File(string name) => System.IO.Path.Combine(FullName, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(FullName, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A workspace folder and its runspace for a test; files are read back with the helpers here.</summary>
    public sealed class WorkspaceFolder : IDisposable
    {
        public WorkspaceFolder()
        {
            Temp = new LetterFolder();
            Path = System.IO.Path.Combine(Temp.FullName, "ws");
            Ps = new ModuleSession();
        }

        public LetterFolder Temp { get; }

        public string Path { get; }

        public ModuleSession Ps { get; }

        public string Client(string name) => System.IO.Path.Combine(Path, "clients", name);

        public string Workbook(string name) => System.IO.Path.Combine(Client(name), "workbook.xlsx");

        public string ClientFile(string name) => System.IO.Path.Combine(Client(name), "client.json");

        /// <summary>The result files of a client of a season, oldest first.</summary>
        public IReadOnlyList<string> Results(int season, string client)
        {
            string folder = System.IO.Path.Combine(Path, "results", season.ToString(System.Globalization.CultureInfo.InvariantCulture), client);
            return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
        }

        /// <summary>Changes client.json as a consultant edits it.</summary>
        public void EditClient(string name, Action<JsonObject> edit)
        {
            var json = (JsonObject)JsonNode.Parse(File.ReadAllText(ClientFile(name)))!;
            edit(json);
            File.WriteAllText(ClientFile(name), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        public void Dispose()
        {
            Ps.Dispose();
            Temp.Dispose();
        }
    }
}
