using CsCheck;
using Kependudukan.Aggregation.Partials;
using Kependudukan.Eligibility;
using Kependudukan.Recording;

namespace Kependudukan.Tests.Aggregation.Partials;

public class CountingPolicyIdTests
{
    // The default mapping of DOMAIN.md section 4, status by status: Unregistered 1 (not recorded), BioCaptured to ReceivedAtCentral
    // 2 (recorded), PrintReadyRecord and SentForCardPrinting 3, CardPrinted and CardShipped 4, CardIssued 5, the three failures 6,
    // DuplicateRecord 7; preceded by the layout version 1 and the leap-day rule (1 = 1 March).
    private const string DefaultDigits = "1112222334456667";

    private static readonly Gen<(LeapDayBirthdayRule Rule, RecordingCategory[] Categories)> s_settings =
        from rule in Gen.OneOf(LeapDayBirthdayRule.March1, LeapDayBirthdayRule.February28)
        from categories in Gen.Int[1, 7].Select(c => (RecordingCategory)c).Array[14]
        select (rule, categories);

    private static RecordingStatusMapping MappingOf(RecordingCategory[] categories)
    {
        var mapping = RecordingStatusMapping.Default;
        for (var i = 0; i < categories.Length; i++)
        {
            mapping = mapping.With((KtpElStatus)(i + 1), categories[i]);
        }

        return mapping;
    }

    [Fact]
    public void Default_ToString_EncodesDefaultSettingsDigitByDigit()
    {
        Assert.Equal(DefaultDigits, CountingPolicyId.Default.ToString());
        Assert.Equal(0x1112222334456667UL, CountingPolicyId.Default.Value);
        Assert.Equal(CountingPolicyId.Default, CountingPolicyId.From());
    }

    [Fact]
    public void From_February28_ChangesSecondDigit() =>
        Assert.Equal("1212222334456667", CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28)).ToString());

    [Fact]
    public void From_EqualSettingsBuiltSeparately_AreEqual()
    {
        var a = CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28),
            RecordingStatusMapping.Default.With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded).With(KtpElStatus.CardShipped, RecordingCategory.Issued));
        var b = CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28),
            RecordingStatusMapping.Default.With(KtpElStatus.CardShipped, RecordingCategory.Issued).With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("1212222334556662", a.ToString());
    }

    [Fact]
    public void From_RemappingToTheSameCategory_KeepsTheDefaultId() =>
        Assert.Equal(CountingPolicyId.Default, CountingPolicyId.From(mapping: RecordingStatusMapping.Default.With(KtpElStatus.CardIssued, RecordingCategory.Issued)));

    [Fact]
    public void From_RandomSettings_IdIsLosslessAndInjective() =>
        Gen.Select(s_settings, s_settings).Sample((x, y) =>
        {
            var idX = CountingPolicyId.From(new KtpEligibilityPolicy(x.Rule), MappingOf(x.Categories));
            var idY = CountingPolicyId.From(new KtpEligibilityPolicy(y.Rule), MappingOf(y.Categories));
            Assert.Equal(x.Rule == y.Rule && x.Categories.SequenceEqual(y.Categories), idX == idY);
            Assert.Equal(x.Rule, idX.LeapDayRule);
            for (var status = KtpElStatus.Unregistered; status <= KtpElStatus.DuplicateRecord; status++)
            {
                Assert.Equal(x.Categories[(int)status - 1], idX.GetCategory(status));
            }

            Assert.Equal(idX, CountingPolicyId.From(idX.CreateEligibilityPolicy(), idX.CreateRecordingStatusMapping()));
            Assert.Equal(idX, CountingPolicyId.Parse(idX.ToString()));
            Assert.Equal(idX, CountingPolicyId.FromValue(idX.Value));
        });

    [Fact]
    public void Description_Default_NamesTheLeapDayRuleOnly() =>
        Assert.Equal("29 February birthdays on 1 March; default status mapping", CountingPolicyId.Default.Description);

    [Fact]
    public void Description_Changed_NamesEachDifferenceFromTheDefault()
    {
        var id = CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28),
            RecordingStatusMapping.Default.With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded).With(KtpElStatus.BioCaptured, RecordingCategory.NotRecorded));
        Assert.Equal("29 February birthdays on 28 February; status mapping: BioCaptured → NotRecorded, DuplicateRecord → Recorded, others default", id.Description);
    }

    [Theory]
    [InlineData("111222233445666", "A counting policy id has exactly 16 hexadecimal digits, for example 1112222334456667.")]
    [InlineData("111222233445666G", "A counting policy id has exactly 16 hexadecimal digits, for example 1112222334456667.")]
    [InlineData("2112222334456667", "Counting policy id 2112222334456667 has layout version 2; this library knows version 1.")]
    [InlineData("1312222334456667", "Counting policy id 1312222334456667 has leap-day rule 3; it should be 1 (1 March) or 2 (28 February).")]
    [InlineData("1102222334456667", "Counting policy id 1102222334456667 maps status Unregistered to category 0; it should be 1-7.")]
    [InlineData("1112222334456668", "Counting policy id 1112222334456668 maps status DuplicateRecord to category 8; it should be 1-7.")]
    public void Parse_Invalid_ThrowsWithRule(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => CountingPolicyId.Parse(text)).Message);
        Assert.False(CountingPolicyId.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_LowerCase_IsAccepted() => Assert.Equal(CountingPolicyId.Default, CountingPolicyId.Parse("1112222334456667".ToLowerInvariant()));

    [Fact]
    public void FromValue_Invalid_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => CountingPolicyId.FromValue(0));

    [Fact]
    public void Default_Value_IsNotValid()
    {
        CountingPolicyId id = default;
        Assert.Equal(string.Empty, id.ToString());
        Assert.Equal(LeapDayBirthdayRule.None, id.LeapDayRule);
        Assert.Equal(RecordingCategory.None, id.GetCategory(KtpElStatus.CardIssued));
        Assert.NotEqual(CountingPolicyId.Default, id);
        Assert.Equal("The default CountingPolicyId describes no settings; use CountingPolicyId.From(...).",
            Assert.Throws<InvalidOperationException>(() => id.CreateEligibilityPolicy()).Message);
        Assert.Throws<InvalidOperationException>(() => id.CreateRecordingStatusMapping());
    }

    [Fact]
    public void GetCategory_None_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("status", () => CountingPolicyId.Default.GetCategory(KtpElStatus.None));
}
