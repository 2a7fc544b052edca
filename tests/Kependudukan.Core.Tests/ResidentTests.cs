using CsCheck;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests;

public class ResidentTests
{
    private static readonly Resident s_resident = Born(D(2008, 8, 17));

    [Fact]
    public void Init_Defaults()
    {
        Assert.Equal(LifeStatus.Alive, s_resident.LifeStatus);
        Assert.Equal(KtpElStatus.Unregistered, s_resident.RecordingStatus);
        Assert.Null(s_resident.LifeStatusDate);
        Assert.Null(s_resident.PermitExpiry);
        Assert.Null(s_resident.RecordingDate);
        Assert.False(s_resident.HasBirthCertificate);
        Assert.False(s_resident.HasKia);
    }

    [Fact]
    public void Init_NoneEnums_ThrowWithNameAndRule()
    {
        AssertOutOfRange("Sex", "Sex should be a defined Sex other than None.", "None", () => s_resident with { Sex = Sex.None });
        AssertOutOfRange("Sex", "Sex should be a defined Sex other than None.", "3", () => s_resident with { Sex = (Sex)3 });
        AssertOutOfRange("Citizenship", "Citizenship should be a defined Citizenship other than None.", "None", () => s_resident with { Citizenship = Citizenship.None });
        AssertOutOfRange("MaritalStatus", "MaritalStatus should be a defined MaritalStatus other than None.", "None", () => s_resident with { MaritalStatus = MaritalStatus.None });
        AssertOutOfRange("MaritalStatus", "MaritalStatus should be a defined MaritalStatus other than None.", "5", () => s_resident with { MaritalStatus = (MaritalStatus)5 });
        AssertOutOfRange("LifeStatus", "LifeStatus should be a defined LifeStatus other than None.", "None", () => s_resident with { LifeStatus = LifeStatus.None });
        AssertOutOfRange("RecordingStatus", "RecordingStatus should be a defined KtpElStatus other than None.", "None", () => s_resident with { RecordingStatus = KtpElStatus.None });
        AssertOutOfRange("RecordingStatus", "RecordingStatus should be a defined KtpElStatus other than None.", "15", () => s_resident with { RecordingStatus = (KtpElStatus)15 });
    }

    [Fact]
    public void Init_ObjectInitializerWithNoneEnum_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("Sex", () => new Resident
        {
            Nik = s_resident.Nik,
            BirthDate = s_resident.BirthDate,
            Sex = Sex.None,
            Citizenship = Citizenship.Wni,
            MaritalStatus = MaritalStatus.NeverMarried,
            Domicile = Village,
        });
        Assert.Equal(Sex.None, e.ActualValue);
    }

    [Theory]
    [InlineData("64.72.01", "District")]
    [InlineData("64.72", "Regency")]
    [InlineData("64", "Province")]
    public void Init_NonVillageDomicile_Throws(string code, string level)
    {
        var e = Assert.Throws<ArgumentException>("Domicile", () => s_resident with { Domicile = RegionCode.Parse(code) });
        Assert.Equal($"The domicile must be a village code (PP.KK.CC.DDDD); got a code at level {level}. (Parameter 'Domicile')", e.Message);
    }

    [Fact]
    public void Init_DefaultDomicile_Throws()
    {
        var e = Assert.Throws<ArgumentException>("Domicile", () => s_resident with { Domicile = default });
        Assert.Equal("The domicile must be a village code (PP.KK.CC.DDDD); got a code at level None. (Parameter 'Domicile')", e.Message);
    }

    [Fact]
    public void Init_DefaultNik_Throws()
    {
        var e = Assert.Throws<ArgumentException>("Nik", () => s_resident with { Nik = default });
        Assert.Equal("A resident needs a valid NIK, not the default value. (Parameter 'Nik')", e.Message);
    }

    [Fact]
    public void With_ValidChange_CopiesAndLeavesOriginal()
    {
        var married = s_resident with { MaritalStatus = MaritalStatus.Married };
        Assert.Equal(MaritalStatus.Married, married.MaritalStatus);
        Assert.Equal(MaritalStatus.NeverMarried, s_resident.MaritalStatus);
        Assert.Equal(s_resident.Nik, married.Nik);
        Assert.NotEqual(s_resident, married);
        Assert.Equal(s_resident, married with { MaritalStatus = MaritalStatus.NeverMarried });
    }

    [Fact]
    public void ToString_MasksNik()
    {
        var text = s_resident.ToString();
        Assert.Equal("6472015708080001", s_resident.Nik.ToString());
        Assert.DoesNotContain("6472015708080001", text, StringComparison.Ordinal);
        Assert.StartsWith("Resident { Nik = 647201**********, BirthDate = 2008-08-17, Sex = Female, ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverContainsTheNik() =>
        Gen.Select(Gen.Int[0, 60 * 365], Gen.Int[1, 9999], Gen.Int[1, 2]).Sample((days, serial, sex) =>
        {
            var birth = D(1960, 1, 1).PlusDays(days);
            var resident = s_resident with { Nik = Nik.Create(Village.Parent, birth, (Sex)sex, serial), BirthDate = birth, Sex = (Sex)sex };
            var text = resident.ToString();
            return !text.Contains(resident.Nik.ToString(), StringComparison.Ordinal) && text.Contains(resident.Nik.ToMaskedString(), StringComparison.Ordinal);
        }, iter: 500);

    private static void AssertOutOfRange(string name, string rule, string actual, Func<Resident> create)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(name, () => create());
        Assert.Equal($"{rule} (Parameter '{name}'){Environment.NewLine}Actual value was {actual}.", e.Message);
    }
}
