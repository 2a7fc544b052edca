using Kependudukan.Data.Internals;

namespace Kependudukan.Data.Tests.Internals;

public sealed class LoadSessionTests
{
    [Fact]
    public void DescribeRefusal_BuilderMessage_KeepsRuleDropsValues()
    {
        var error = new ArgumentException("Row 5 (NIK 647201**********): BirthDate should be an ISO date in range [1900-01-01-2079-06-06]; got 1899-12-31 (ISO).", "row");

        var (field, problem) = LoadSession.DescribeRefusal(error);

        Assert.Equal(Field.BirthDate, field);
        Assert.Equal("The row cannot be stored: BirthDate should be an ISO date in range [1900-01-01-2079-06-06].", problem);
    }

    [Fact]
    public void DescribeRefusal_ResidentMessage_UsesParameterName()
    {
        var error = new ArgumentException("A resident needs a valid NIK, not the default value.", "Nik");

        var (field, problem) = LoadSession.DescribeRefusal(error);

        Assert.Equal(Field.Nik, field);
        Assert.Equal("The row cannot be stored: A resident needs a valid NIK, not the default value.", problem);
    }

    [Fact]
    public void CanonicalText_NoneValue_ThrowsNamingField()
    {
        // Tables and residents refuse None, so the writers' own guard is only reachable from here.
        var e = Assert.Throws<ArgumentException>(() => CanonicalText.MaritalStatus(MaritalStatus.None));

        Assert.Equal("MaritalStatus should be a defined value other than None to be written; got 0.", e.Message);
    }
}
