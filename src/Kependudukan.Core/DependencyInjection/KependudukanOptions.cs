using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;

namespace Kependudukan.DependencyInjection;

/// <summary>Settings for the services that <c>AddKependudukanCore</c> registers.</summary>
/// <remarks>
/// <para>Set the properties in the <c>configure</c> delegate of <c>AddKependudukanCore</c>; the options are validated there,
/// every error reported at once, and a copy is registered as a singleton. Treat the registered copy as read-only: changing
/// it after registration does not change the services already built from it.</para>
/// </remarks>
public sealed class KependudukanOptions
{
    /// <summary>Gets or sets when a 29 February birthday falls in non-leap years.</summary>
    /// <value>The default value is <see cref="LeapDayBirthdayRule.March1"/>. <see cref="LeapDayBirthdayRule.None"/> is invalid.</value>
    public LeapDayBirthdayRule LeapDayRule { get; set; } = LeapDayBirthdayRule.March1;

    /// <summary>Gets or sets the mapping of SIAK statuses to coverage categories.</summary>
    /// <value>The default value is <see cref="RecordingStatusMapping.Default"/>; <see langword="null"/> is invalid.</value>
    public RecordingStatusMapping RecordingStatusMapping { get; set; } = RecordingStatusMapping.Default;

    /// <summary>Gets or sets the factory of the region catalog, called once, when the catalog is first requested.</summary>
    /// <value>The default value returns <see cref="RegionCatalog.Default"/>; <see langword="null"/> is invalid, and so is a factory
    /// that returns <see langword="null"/> (reported when the catalog is requested).</value>
    public Func<RegionCatalog> RegionCatalogFactory { get; set; } = static () => RegionCatalog.Default;

    internal KependudukanOptions Clone() => (KependudukanOptions)MemberwiseClone();

    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (LeapDayRule is not (LeapDayBirthdayRule.March1 or LeapDayBirthdayRule.February28))
        {
            errors.Add(FormattableString.Invariant($"The {nameof(LeapDayRule)} field should be March1 or February28; got {LeapDayRule}."));
        }

        if (RecordingStatusMapping is null)
        {
            errors.Add(FormattableString.Invariant($"The {nameof(RecordingStatusMapping)} field is required."));
        }

        if (RegionCatalogFactory is null)
        {
            errors.Add(FormattableString.Invariant($"The {nameof(RegionCatalogFactory)} field is required."));
        }

        return errors;
    }
}
