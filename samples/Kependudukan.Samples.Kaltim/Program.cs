using System.Diagnostics;
using System.Globalization;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Coverage;
using Kependudukan.Devices;
using Kependudukan.Regions;
using Kependudukan.Samples.Kaltim;
using NodaTime;

// The Kalimantan Timur story: the province reported 3,369,666 residents, 2,197,959 wajib KTP and 1,916,099 recorded
// ("87,17 persen"), handed two KTP-el printers to each of its ten regencies and cities, and saw two regions (Penajam
// Paser Utara and Bontang) pass the national 75% birth-certificate target. This sample rebuilds that report from a
// synthetic population calibrated to those totals. Usage: dotnet run --project samples/Kependudukan.Samples.Kaltim [output-folder]
var id = CultureInfo.GetCultureInfo("id-ID");
var asOf = new LocalDate(2015, 11, 30);
const int Seed = 64;
var outputFolder = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("out", "kaltim"));
var catalog = RegionCatalog.Default;
var province = RegionCode.Province(64);

Console.WriteLine($"Kependudukan.Core sample: {catalog.GetName(province)} (64), as of {asOf:uuuu-MM-dd}");

// 1. A synthetic population, calibrated so that the province totals equal the published ones exactly.
var stopwatch = Stopwatch.StartNew();
var options = SyntheticPopulationOptions.KalimantanTimur(asOf, Seed);
var builder = new PopulationTableBuilder();
var progress = new ConsoleProgress("Generating synthetic residents");
SyntheticPopulation.Generate(options, builder, progress);
var table = builder.Build();
progress.Finish(table.Count);
Console.WriteLine($"Generated {table.Count.ToString("N0", id)} resident records in {stopwatch.Elapsed.TotalSeconds:0.0} s ({table.BytesPerResident:0.#} bytes per resident in the aggregation columns).");

// 2. Counts per regency/city with the columnar engine, then a report that rolls them up to the province.
stopwatch.Restart();
var engine = new CoverageEngine();
var counts = engine.Count(table, asOf, RegionLevel.Regency);
var report = CoverageReport.Create(counts, asOf, RegionLevel.Regency, catalog);
Console.WriteLine($"Counted with {engine.MaxDegreeOfParallelism} threads in {stopwatch.Elapsed.TotalMilliseconds:0} ms.");
Console.WriteLine();

var regencies = report.GetRows(RegionLevel.Regency, province);
var total = report.GetRow(province);
string Pct(CoverageRatio ratio, PercentRounding rounding = PercentRounding.Truncate) => ratio.Percent(2, rounding)?.ToString("0.00", id) ?? "-";
string N(long value) => value.ToString("N0", id);

Console.WriteLine("Perekaman KTP-el per kabupaten/kota (coverage truncated to two decimals, as the province reported it)");
var recordingTable = new TextTable(2, "Kode", "Kabupaten/Kota", "Penduduk", "Wajib KTP", "Sudah rekam", "Belum rekam", "Cakupan %");
foreach (var row in regencies)
{
    recordingTable.Add(row.Code!.Value.ToString(), row.Name ?? "", N(row.Counts.Population), N(row.WajibKtp), N(row.Counts.Recorded), N(row.NotRecorded), Pct(row.RecordingCoverage));
}

recordingTable.Add("64", total.Name ?? "", N(total.Counts.Population), N(total.WajibKtp), N(total.Counts.Recorded), N(total.NotRecorded), Pct(total.RecordingCoverage));
recordingTable.Write(Console.Out, boldLastRow: true);
Console.WriteLine($"Province: {Pct(total.RecordingCoverage)} persen truncated ({Pct(total.RecordingCoverage, PercentRounding.HalfAwayFromZero)} rounded half away from zero).");
Console.WriteLine();

// 3. Birth-certificate coverage of children aged 0 to under 18 against this year's national target (75%) and next year's (77.5%).
var target2015 = CoverageTargets.Rpjmn2015To2019BirthCertificate.Single(t => t.Year == 2015);
var target2016 = CoverageTargets.Rpjmn2015To2019BirthCertificate.Single(t => t.Year == 2016);
Console.WriteLine("Cakupan akta kelahiran anak 0-18 tahun");
var birthTable = new TextTable(1, "Kabupaten/Kota", "Anak", "Punya akta", "Cakupan %", "75% (2015)", "77,5% (2016)", "Kurang utk 77,5%");
foreach (var row in regencies)
{
    var now = row.Assess(target2015);
    var next = row.Assess(target2016);
    birthTable.Add(row.Name ?? "", N(row.Counts.Children), N(row.Counts.ChildrenWithBirthCertificate), Pct(row.BirthCertificateCoverage, PercentRounding.HalfAwayFromZero),
        now.IsMet ? "tercapai" : "belum", next.IsMet ? "tercapai" : "belum", next.IsMet ? "-" : N(next.AdditionalResidentsNeeded ?? 0));
}

birthTable.Write(Console.Out);
var meeting2015 = report.RegionsMeeting(target2015, RegionLevel.Regency, province);
var meeting2016 = report.RegionsMeeting(target2016, RegionLevel.Regency, province);
Console.WriteLine($"Meeting the national 75%: {string.Join(", ", meeting2015.Select(r => r.Name))}.");
Console.WriteLine($"Meeting next year's 77.5%: {(meeting2016.Count == 0 ? "none yet" : string.Join(", ", meeting2016.Select(r => r.Name)))}.");
Console.WriteLine();

// 4. Twenty printers: two per regency (as handed over) beside the allocation that clears the printing backlog fastest.
// Backlog: recorded wajib KTP residents without a printed card. Throughput: an assumed 200 cards per printer per working day.
const int Printers = 20, CardsPerPrinterPerDay = 200;
var backlogs = regencies.Select(r => r.Counts.Recorded - r.Counts.Printed).ToArray();
var equal = Apportionment.Allocate(ApportionmentMethod.EqualShare, Printers, backlogs);
var fastest = FastestFinish.Allocate(Printers, backlogs, CardsPerPrinterPerDay);
var calendar = WorkingDayCalendar.MondayToFriday;
var start = asOf.PlusDays(1);
Console.WriteLine($"Printing backlog and {Printers} printers at {CardsPerPrinterPerDay} cards per printer per working day (Monday-Friday), from {start:uuuu-MM-dd}");
var deviceTable = new TextTable(1, "Kabupaten/Kota", "Belum cetak", "2 per daerah", "Hari kerja", "Selesai", "Tercepat", "Hari kerja", "Selesai");
for (var i = 0; i < regencies.Count; i++)
{
    var equalDone = CompletionProjection.Project(backlogs[i], equal.Units[i], CardsPerPrinterPerDay, start, calendar);
    var fastDone = CompletionProjection.Project(backlogs[i], fastest.Units[i], CardsPerPrinterPerDay, start, calendar);
    deviceTable.Add(regencies[i].Name ?? "", N(backlogs[i]), equal.Units[i].ToString(id), N(equalDone.WorkingDays), $"{equalDone.CompletionDate:uuuu-MM-dd}",
        fastest.Units[i].ToString(id), N(fastDone.WorkingDays), $"{fastDone.CompletionDate:uuuu-MM-dd}");
}

deviceTable.Write(Console.Out);
var equalMax = regencies.Select((_, i) => CompletionProjection.Project(backlogs[i], equal.Units[i], CardsPerPrinterPerDay, start, calendar).WorkingDays).Max();
Console.WriteLine($"Two per region: the last region finishes after {N(equalMax)} working days; fastest finish: after {N(fastest.MaxDays ?? 0)} working days.");
Console.WriteLine();

// 5. The report as JSON (documented schema) and as a self-contained HTML page with the coverage charts.
Directory.CreateDirectory(outputFolder);
var jsonPath = Path.Combine(outputFolder, "kaltim-coverage.json");
using (var json = File.Create(jsonPath))
{
    report.WriteJson(json);
}

var htmlPath = Path.Combine(outputFolder, "kaltim-coverage.html");
var charts = new List<ChartSection>
{
    new("Cakupan akta kelahiran anak 0-18 tahun", "Bars: birth-certificate coverage of children aged 0 to under 18 per regency/city; dashed lines: the national targets 75% (2015) and 77.5% (2016). Green bars meet 75%.",
        [.. regencies.Select(r => new Bar(r.Name ?? "", r.BirthCertificateCoverage.Percent(2), $"{N(r.Counts.ChildrenWithBirthCertificate)} / {N(r.Counts.Children)}"))],
        [new(75m, "Target 2015: 75%", "#cf222e"), new(77.5m, "Target 2016: 77,5%", "#8250df")]),
    new("Cakupan perekaman KTP-el", "Bars: recorded wajib KTP residents as a share of wajib KTP per regency/city (truncated); dashed line: the province. Green bars are at or above the province.",
        [.. regencies.Select(r => new Bar(r.Name ?? "", r.RecordingCoverage.Percent(2, PercentRounding.Truncate), $"{N(r.Counts.Recorded)} / {N(r.WajibKtp)}"))],
        [new(total.RecordingCoverage.Percent(2, PercentRounding.Truncate) ?? 0m, $"Provinsi: {Pct(total.RecordingCoverage)}%", "#0969da")]),
};
var html = HtmlReport.Render(
    $"Kependudukan {catalog.GetName(province)}",
    $"As of {asOf:uuuu-MM-dd}: population {N(total.Counts.Population)}, wajib KTP {N(total.WajibKtp)}, recorded {N(total.Counts.Recorded)} ({Pct(total.RecordingCoverage)} persen). Synthetic residents calibrated to the province's published totals; the split between regions is illustrative.",
    charts,
    [("Perekaman KTP-el", recordingTable.Header, recordingTable.Rows), ("Akta kelahiran", birthTable.Header, birthTable.Rows), ("Printers", deviceTable.Header, deviceTable.Rows)],
    "Generated by the Kependudukan.Core sample. Region names: contains information from idn-area-data, which is made available under the ODbL.");
File.WriteAllText(htmlPath, html);
Console.WriteLine($"Wrote {jsonPath}");
Console.WriteLine($"Wrote {htmlPath}");
