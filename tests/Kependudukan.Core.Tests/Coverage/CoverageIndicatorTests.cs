using Kependudukan.Coverage;

namespace Kependudukan.Tests.Coverage;

public class CoverageIndicatorTests
{
    private static readonly CoverageCounts s_counts = new()
    {
        Population = 1000,
        WajibKtp = 700,
        WajibKtpByAge = 690,
        WajibKtpByMarriage = 10,
        Recorded = 650,
        PrintReady = 620,
        Printed = 600,
        Children = 320,
        ChildrenWithBirthCertificate = 256,
        ChildrenUnder17 = 300,
        ChildrenUnder17WithKia = 90,
        NewlyWajibKtp = 12,
    };

    [Fact]
    public void All_HasStableIdsInSchemaOrder() =>
        Assert.Equal(
            ["wajib_ktp", "recording_coverage", "not_recorded", "printing_coverage_of_recorded", "printing_coverage_of_wajib_ktp",
             "birth_certificate_coverage", "kia_coverage", "newly_wajib_ktp"],
            CoverageIndicator.All.Select(i => i.Id));

    [Fact]
    public void Indicators_ComputeTheirDefinitions()
    {
        Assert.Equal(700, CoverageIndicator.WajibKtp.GetCount(s_counts));
        Assert.Equal(new CoverageRatio(650, 700), CoverageIndicator.RecordingCoverage.GetRatio(s_counts));
        Assert.Equal(50, CoverageIndicator.NotRecorded.GetCount(s_counts));
        Assert.Equal(new CoverageRatio(600, 650), CoverageIndicator.PrintingCoverageOfRecorded.GetRatio(s_counts));
        Assert.Equal(new CoverageRatio(600, 700), CoverageIndicator.PrintingCoverageOfWajibKtp.GetRatio(s_counts));
        Assert.Equal(new CoverageRatio(256, 320), CoverageIndicator.BirthCertificateCoverage.GetRatio(s_counts));
        Assert.Equal(new CoverageRatio(90, 300), CoverageIndicator.KiaCoverage.GetRatio(s_counts));
        Assert.Equal(12, CoverageIndicator.NewlyWajibKtp.GetCount(s_counts));
    }

    [Fact]
    public void Kind_MatchesAccessor()
    {
        foreach (var indicator in CoverageIndicator.All)
        {
            if (indicator.Kind == CoverageIndicatorKind.Count)
            {
                Assert.Throws<InvalidOperationException>(() => indicator.GetRatio(s_counts));
            }
            else
            {
                Assert.Equal(CoverageIndicatorKind.Ratio, indicator.Kind);
                Assert.Throws<InvalidOperationException>(() => indicator.GetCount(s_counts));
            }
        }
    }

    [Fact]
    public void Labels_ExistInBothLanguages()
    {
        foreach (var indicator in CoverageIndicator.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(indicator.EnglishLabel));
            Assert.False(string.IsNullOrWhiteSpace(indicator.IndonesianLabel));
            Assert.Equal(indicator.IndonesianLabel, indicator.GetLabel(LabelLanguage.Indonesian));
            Assert.Equal(indicator.EnglishLabel, indicator.GetLabel(LabelLanguage.English));
        }

        Assert.Equal("Cakupan perekaman KTP-el", CoverageIndicator.RecordingCoverage.IndonesianLabel);
        Assert.Throws<ArgumentOutOfRangeException>("language", () => CoverageIndicator.KiaCoverage.GetLabel(LabelLanguage.None));
    }

    [Fact]
    public void FromId_FindsEveryIndicator()
    {
        foreach (var indicator in CoverageIndicator.All)
        {
            Assert.Same(indicator, CoverageIndicator.FromId(indicator.Id));
            Assert.Equal(indicator.Id, indicator.ToString());
        }

        Assert.False(CoverageIndicator.TryFromId("Recording_Coverage", out _));
        Assert.False(CoverageIndicator.TryFromId(null, out _));
        var error = Assert.Throws<ArgumentException>("id", () => CoverageIndicator.FromId("akta"));
        Assert.StartsWith("Unknown coverage indicator id \"akta\"; known ids are wajib_ktp, recording_coverage,", error.Message, StringComparison.Ordinal);
    }
}
