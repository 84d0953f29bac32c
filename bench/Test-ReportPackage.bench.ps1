#Requires -Version 7.2
<#
.SYNOPSIS
    Times Test-ReportPackage on a realistic package: 13 documents scanned as full A4 pages at 300 dpi
    (2480 × 3508 px each), plus unrelated files the walk has to list and skip.
.EXAMPLE
    ./bench/Test-ReportPackage.bench.ps1 -PagesPerDocument 20 -OtherFiles 2000
.NOTES
    Results (pwsh 7.6, Linux container, 2 shared cores, PdfPig 0.1.16; median of 3 runs after a warm-up):

    | PDF pages | other files | package | median |
    |----------:|------------:|--------:|-------:|
    |       130 |       1,000 |  3.2 MB | 1.9 s  |
    |       260 |       2,000 |  3.2 MB | 4.0 s  |

    Image data is not decoded: the resolution comes from each image's size in samples and its placed box.
#>
[CmdletBinding()]
param(
    [int] $PagesPerDocument = 10,
    [int] $OtherFiles = 1000,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../ComplianceTools.psd1') -Force

function New-ScanPdf([string] $Path, [int] $Pages, [byte[]] $Image, [int] $Width, [int] $Height) {
    # A minimal PDF: every page places the same Flate-compressed RGB image over the whole A4 page (595 × 842 pt).
    $ascii = [System.Text.Encoding]::ASCII
    $objects = [System.Collections.Generic.List[byte[]]]::new()
    $kids = (1..$Pages | ForEach-Object { '{0} 0 R' -f (3 + 2 * ($_ - 1)) }) -join ' '
    $objects.Add($ascii.GetBytes('<< /Type /Catalog /Pages 2 0 R >>'))
    $objects.Add($ascii.GetBytes("<< /Type /Pages /Kids [$kids] /Count $Pages >>"))
    $imageObject = 3 + 2 * $Pages
    $content = $ascii.GetBytes('q 595 0 0 842 0 0 cm /Im1 Do Q')
    for ($p = 0; $p -lt $Pages; $p++) {
        $objects.Add($ascii.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 $imageObject 0 R >> >> /Contents $(4 + 2 * $p) 0 R >>"))
        $objects.Add($ascii.GetBytes("<< /Length $($content.Length) >>`nstream`n") + $content + $ascii.GetBytes("`nendstream"))
    }
    $objects.Add($ascii.GetBytes("<< /Type /XObject /Subtype /Image /Width $Width /Height $Height /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length $($Image.Length) >>`nstream`n") + $Image + $ascii.GetBytes("`nendstream"))

    $out = [System.IO.MemoryStream]::new()
    $write = { param([byte[]] $b) $out.Write($b, 0, $b.Length) }
    & $write $ascii.GetBytes("%PDF-1.4`n")
    $offsets = foreach ($i in 0..($objects.Count - 1)) {
        $out.Position
        & $write $ascii.GetBytes("$($i + 1) 0 obj`n")
        & $write $objects[$i]
        & $write $ascii.GetBytes("`nendobj`n")
    }
    $xref = $out.Position
    & $write $ascii.GetBytes("xref`n0 $($objects.Count + 1)`n0000000000 65535 f `n")
    foreach ($o in $offsets) { & $write $ascii.GetBytes(('{0:D10} 00000 n ' -f $o) + "`n") }
    & $write $ascii.GetBytes("trailer`n<< /Size $($objects.Count + 1) /Root 1 0 R >>`nstartxref`n$xref`n%%EOF`n")
    [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($Path)) | Out-Null
    [System.IO.File]::WriteAllBytes($Path, $out.ToArray())
}

$root = Join-Path ([System.IO.Path]::GetTempPath()) ('ct-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$package = Join-Path $root '2025年检材料包'
try {
    $width = 2480; $height = 3508
    $raw = [byte[]]::new($height * (1 + 3 * $width))
    [System.Array]::Fill($raw, [byte]255)
    $buffer = [System.IO.MemoryStream]::new()
    $zlib = [System.IO.Compression.ZLibStream]::new($buffer, [System.IO.Compression.CompressionLevel]::Fastest)
    # Image samples only (no PNG filter bytes): width × height × 3.
    $zlib.Write($raw, 0, $width * $height * 3); $zlib.Dispose()
    $image = $buffer.ToArray()

    $documents = '通用材料/证照/营业执照.pdf', '通用材料/证照/增值电信业务经营许可证正副本.pdf', '通用材料/公司章程.pdf',
        '通用材料/股权结构表.pdf', '通用材料/2025年度审计报告.pdf', '通用材料/法人身份证.pdf', '通用材料/社保缴费清单.pdf',
        '专项材料/码号资源使用台账.pdf', '专项材料/坐席明细表.pdf', '专项材料/呼叫流量月报.pdf', '专项材料/用户投诉处理记录.pdf',
        '专项材料/信息安全责任制报告.pdf', '专项材料/AI外呼算法备案表.pdf'
    foreach ($d in $documents) { New-ScanPdf -Path (Join-Path $package $d) -Pages $PagesPerDocument -Image $image -Width $width -Height $height }
    $other = Join-Path $package '其他/工作底稿'
    [System.IO.Directory]::CreateDirectory($other) | Out-Null
    for ($i = 1; $i -le $OtherFiles; $i++) { [System.IO.File]::WriteAllText((Join-Path $other "底稿$i.txt"), 'x') }

    $bytes = (Get-ChildItem -LiteralPath $package -Recurse -File | Measure-Object Length -Sum).Sum
    $rows = Test-ReportPackage -Path $package -Checklist   # warm-up (loads PdfPig and the catalog) and a sanity check
    $times = 1..$Runs | ForEach-Object { (Measure-Command { Test-ReportPackage -Path $package -Checklist | Out-Null }).TotalMilliseconds }
    [pscustomobject]@{
        Documents        = $documents.Count
        PagesPerDocument = $PagesPerDocument
        PdfPages         = $documents.Count * $PagesPerDocument
        OtherFiles       = $OtherFiles
        PackageMB        = [math]::Round($bytes / 1MB, 1)
        LowestDpi        = ($rows.Dpi | Measure-Object -Minimum).Minimum
        MedianMs         = ($times | Sort-Object)[[int][math]::Floor($times.Count / 2)]
        Runs             = $Runs
    }
}
finally {
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}
