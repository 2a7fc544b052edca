using System.Globalization;
using System.Net;
using System.Text;

namespace Kependudukan.Samples.Kaltim;

/// <summary>One bar of a chart: a region and its coverage in percent (null when there is no value).</summary>
internal sealed record Bar(string Label, decimal? Percent, string Detail);

/// <summary>A horizontal reference line on a chart, such as a coverage target.</summary>
internal sealed record TargetLine(decimal Percent, string Label, string Color);

/// <summary>A chart section of the page.</summary>
internal sealed record ChartSection(string Title, string Caption, IReadOnlyList<Bar> Bars, IReadOnlyList<TargetLine> Targets);

/// <summary>Writes a self-contained HTML page (no scripts, no external files) with inline SVG bar charts and tables.</summary>
internal static class HtmlReport
{
    private static readonly CultureInfo s_id = CultureInfo.GetCultureInfo("id-ID");

    public static string Render(string title, string subtitle, IReadOnlyList<ChartSection> charts, IReadOnlyList<(string Heading, string[] Columns, IReadOnlyList<string[]> Rows)> tables, string footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24;max-width:1100px}h1{margin-bottom:.2rem}")
            .Append(".sub{color:#57606a;margin-top:0}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:right}")
            .Append("th{background:#f6f8fa}td.text,th{text-align:left}figure{margin:1.5rem 0}figcaption{color:#57606a;font-size:.9rem}")
            .Append("footer{color:#57606a;font-size:.8rem;margin-top:2rem}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"sub\">").Append(E(subtitle)).Append("</p>\n");
        foreach (var chart in charts)
        {
            html.Append("<figure>\n<h2>").Append(E(chart.Title)).Append("</h2>\n");
            AppendSvg(html, chart);
            html.Append("<figcaption>").Append(E(chart.Caption)).Append("</figcaption>\n</figure>\n");
        }

        foreach (var (heading, columns, rows) in tables)
        {
            html.Append("<h2>").Append(E(heading)).Append("</h2>\n<table>\n<tr>");
            foreach (var column in columns)
            {
                html.Append("<th>").Append(E(column)).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var row in rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    var numeric = cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell == "-");
                    html.Append(numeric ? "<td>" : "<td class=\"text\">").Append(E(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<footer>").Append(E(footer)).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSvg(StringBuilder html, ChartSection chart)
    {
        const int Width = 1000, Height = 500, Left = 110, Right = 20, Top = 50, Bottom = 170;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = Math.Max(100m, chart.Bars.Max(b => b.Percent ?? 0m));
        max = Math.Ceiling(max / 10m) * 10m;
        double Y(decimal percent) => Top + (plotHeight * (double)(1 - (percent / max)));

        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(chart.Title)}\">\n");
        for (var tick = 0m; tick <= max; tick += 20m)
        {
            var y = Y(tick);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#eaeef2\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#57606a\">{tick.ToString("0", s_id)} %</text>\n");
        }

        var slot = (double)plotWidth / chart.Bars.Count;
        var barWidth = slot * 0.6;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            var meets = bar.Percent is { } p && chart.Targets.Count > 0 && p >= chart.Targets[0].Percent;
            if (bar.Percent is { } percent)
            {
                var y = Y(percent);
                var color = chart.Targets.Count == 0 ? "#0969da" : meets ? "#1a7f37" : "#bf8700";
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{Top + plotHeight - y:0.#}\" fill=\"{color}\"><title>{E(bar.Label)}: {E(bar.Detail)}</title></rect>");
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" font-size=\"12\">{E(percent.ToString("0.00", s_id))}</text>\n");
            }

            var labelX = x + (barWidth / 2);
            var labelY = Top + plotHeight + 14;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX:0.#}\" y=\"{labelY}\" text-anchor=\"end\" font-size=\"12\" transform=\"rotate(-35 {labelX:0.#} {labelY})\">{E(bar.Label)}</text>\n");
        }

        var legendX = (double)Left;
        foreach (var target in chart.Targets)
        {
            // The line across the plot, and its label in a legend above the plot so labels never overlap the bars.
            var y = Y(target.Percent);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{target.Color}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legendX:0.#}\" y1=\"18\" x2=\"{legendX + 30:0.#}\" y2=\"18\" stroke=\"{target.Color}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 36:0.#}\" y=\"22\" font-size=\"13\" fill=\"{target.Color}\">{E(target.Label)}</text>\n");
            legendX += 60 + (target.Label.Length * 7.5);
        }

        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#57606a\"/>\n</svg>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
