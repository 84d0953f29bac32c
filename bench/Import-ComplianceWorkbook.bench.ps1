#Requires -Version 7.0
<#
.SYNOPSIS
    Measures Import-ComplianceWorkbook -Sheet Complaints on a 200,000-row and a 1,000,000-row sheet.

.DESCRIPTION
    Generates the workbooks once (cached in a temp folder) the way Excel saves them: every text in the
    shared-string table, dates as numbers with a date format. The sheet XML is streamed straight into
    the zip, since EPPlus would hold a million rows in memory. Then, for each size, a fresh pwsh process
    imports the module, streams every row of the sheet to the end of the pipeline (counted by
    Measure-Object, a compiled consumer like the checks; nothing is collected) and reports the
    elapsed time, the CPU time it used (telling on a shared machine) and its own peak working set. Targets (2-core machine): 200,000 rows in 10 s or less,
    1,000,000 rows in 60 s or less, within 4 GiB.

.EXAMPLE
    ./bench/Import-ComplianceWorkbook.bench.ps1
    ./bench/Import-ComplianceWorkbook.bench.ps1 -Rows 200000 -Regenerate
#>
[CmdletBinding()]
param(
    [int[]] $Rows = @(200000, 1000000),
    [string] $Cache = (Join-Path ([IO.Path]::GetTempPath()) 'ComplianceTools-bench'),
    [switch] $Regenerate
)

$ErrorActionPreference = 'Stop'
$manifest = Join-Path (Split-Path $PSScriptRoot -Parent) 'ComplianceTools.psd1'
$null = New-Item -ItemType Directory -Force -Path $Cache

if (-not ('BenchComplaintsWorkbook' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security;
using System.Text;

public static class BenchComplaintsWorkbook
{
    private static readonly string[] Headers = { "工单号 TicketId", "来源渠道 Source", "受理时间 ReceivedAt", "首次响应时间 FirstResponseAt", "结案时间 ClosedAt", "状态 Status", "投诉人号码 ComplainantNumber", "被投诉号码 CallingNumber", "通道 Channel", "外包团队 Team", "坐席工号 AgentId", "通话录音 RecordingId" };
    private static readonly string[] Sources = { "12321", "12300", "12345", "工信部申诉", "企业自有渠道" };
    private static readonly string[] Channels = { "移动通道A", "联通通道B", "电信通道C", "移动通道D", "融合通道E" };
    private static readonly string[] Teams = { "自营一部", "自营二部", "外包-示例甲公司", "外包-示例乙公司", "外包-示例丙公司" };

    public static void Write(string path, int rows)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        Func<string, int> sst = s => { int i; if (!strings.TryGetValue(s, out i)) { i = order.Count; strings.Add(s, i); order.Add(s); } return i; };
        var rng = new Random(rows);
        var utf8 = new UTF8Encoding(false);
        string temp = path + ".tmp";
        using (var zip = new ZipArchive(new FileStream(temp, FileMode.Create), ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), utf8, 1 << 16))
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:L" + (rows + 1) + "\"/><sheetData>");
                w.Write("<row r=\"1\">");
                for (int c = 0; c < Headers.Length; c++) { Cell(w, c, 1, sst(Headers[c])); }
                w.Write("</row>");
                DateTime start = new DateTime(2025, 1, 1, 8, 0, 0);
                for (int r = 2; r <= rows + 1; r++)
                {
                    DateTime received = start.AddMinutes(rng.Next(365 * 24 * 60));
                    int team = rng.Next(Teams.Length);
                    bool open = rng.Next(100) == 0;
                    w.Write("<row r=\""); w.Write(r.ToString(CultureInfo.InvariantCulture)); w.Write("\">");
                    Cell(w, 0, r, sst("T2025" + (r - 1).ToString("D7", CultureInfo.InvariantCulture)));
                    Cell(w, 1, r, sst(Sources[rng.Next(Sources.Length)]));
                    Date(w, 2, r, received);
                    Date(w, 3, r, received.AddMinutes(5 + rng.Next(110)));
                    if (!open) { Date(w, 4, r, received.AddMinutes(60 + rng.Next(1200))); }
                    Cell(w, 5, r, sst(open ? "处理中" : "已结案"));
                    Cell(w, 6, r, sst("1009" + rng.Next(10000000).ToString("D7", CultureInfo.InvariantCulture)));
                    Cell(w, 7, r, sst("9509900" + (1 + rng.Next(4)).ToString(CultureInfo.InvariantCulture)));
                    Cell(w, 8, r, sst(Channels[team]));
                    Cell(w, 9, r, sst(Teams[team]));
                    Cell(w, 10, r, sst("E" + (1 + rng.Next(1260)).ToString("D5", CultureInfo.InvariantCulture)));
                    Cell(w, 11, r, sst("REC-" + received.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + (r - 1).ToString("D7", CultureInfo.InvariantCulture)));
                    w.Write("</row>");
                }
                w.Write("</sheetData></worksheet>");
            }

            using (var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), utf8, 1 << 16))
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + order.Count + "\" uniqueCount=\"" + order.Count + "\">");
                foreach (string s in order) { w.Write("<si><t>"); w.Write(SecurityElement.Escape(s)); w.Write("</t></si>"); }
                w.Write("</sst>");
            }

            Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"投诉 Complaints\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Part(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        }

        File.Move(temp, path, true);
    }

    private static string Ref(int c, int r) { return ((char)('A' + c)).ToString() + r.ToString(CultureInfo.InvariantCulture); }

    private static void Cell(TextWriter w, int c, int r, int sstIndex)
    {
        w.Write("<c r=\""); w.Write(Ref(c, r)); w.Write("\" t=\"s\"><v>"); w.Write(sstIndex.ToString(CultureInfo.InvariantCulture)); w.Write("</v></c>");
    }

    private static void Date(TextWriter w, int c, int r, DateTime value)
    {
        w.Write("<c r=\""); w.Write(Ref(c, r)); w.Write("\" s=\"1\"><v>"); w.Write(value.ToOADate().ToString("R", CultureInfo.InvariantCulture)); w.Write("</v></c>");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using (var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false))) { w.Write(content); }
    }
}
'@
}

# Runs in a fresh process per size: the module's cost only, and that process's own peak memory.
$measure = @'
param($Manifest, $File)
Import-Module $Manifest
$p = [Diagnostics.Process]::GetCurrentProcess()
$cpu = $p.TotalProcessorTime
$sw = [Diagnostics.Stopwatch]::StartNew()
$rows = (Import-ComplianceWorkbook -Path $File -Sheet Complaints -ErrorAction SilentlyContinue -ErrorVariable +bad | Measure-Object).Count
$sw.Stop()
$p.Refresh()
[pscustomobject]@{ Rows = $rows; Seconds = [math]::Round($sw.Elapsed.TotalSeconds, 1); CpuSeconds = [math]::Round(($p.TotalProcessorTime - $cpu).TotalSeconds, 1); PeakMiB = [math]::Round($p.PeakWorkingSet64 / 1MB); Errors = $bad.Count } | ConvertTo-Json -Compress
'@
$script = Join-Path $Cache 'measure.ps1'
Set-Content -Path $script -Value $measure -Encoding utf8
$pwsh = (Get-Process -Id $PID).Path

foreach ($n in $Rows) {
    $file = Join-Path $Cache "complaints-$n.xlsx"
    if ($Regenerate -or -not (Test-Path $file)) {
        Write-Host "Generating $file ..."
        $gen = [Diagnostics.Stopwatch]::StartNew()
        [BenchComplaintsWorkbook]::Write($file, $n)
        Write-Host ("  {0:N0} rows, {1:N1} MB, {2:N1} s" -f $n, ((Get-Item $file).Length / 1MB), $gen.Elapsed.TotalSeconds)
    }

    $json = & $pwsh -NoProfile -NonInteractive -File $script -Manifest $manifest -File $file | Select-Object -Last 1
    $r = $json | ConvertFrom-Json
    [pscustomobject]@{
        Rows          = $r.Rows
        'FileMB'      = [math]::Round((Get-Item $file).Length / 1MB, 1)
        Seconds       = $r.Seconds
        CpuSeconds    = $r.CpuSeconds
        'PeakMiB'     = $r.PeakMiB
        Errors        = $r.Errors
        'RowsPerSec'  = [math]::Round($r.Rows / [math]::Max($r.Seconds, 0.1))
    }
}
