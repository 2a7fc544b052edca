using System.ComponentModel.DataAnnotations;
using Kependudukan.DependencyInjection;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Kependudukan.Core services in a service collection.</summary>
public static class KependudukanServiceCollectionExtensions
{
    /// <summary>Registers the eligibility policy, the recording status mapping, the region catalog, a clock and the options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="KependudukanOptions"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// <para>Registers singletons, each only when no registration of its service type exists yet (so registrations made
    /// before this call win, and a second call adds nothing): <see cref="KtpEligibilityPolicy"/> with
    /// <see cref="KependudukanOptions.LeapDayRule"/>; <see cref="RecordingStatusMapping"/>; <see cref="RegionCatalog"/>, made by
    /// <see cref="KependudukanOptions.RegionCatalogFactory"/> when first requested; <see cref="IClock"/> as
    /// <c>SystemClock.Instance</c> (replace it with a fake clock in tests); and a copy of the validated options.</para>
    /// <para>The options are validated before anything is registered; every error is reported in one message.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ValidationException">The configured options are invalid; the message lists every error.</exception>
    public static IServiceCollection AddKependudukanCore(this IServiceCollection services, Action<KependudukanOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new KependudukanOptions();
        configure?.Invoke(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ValidationException("The KependudukanOptions are invalid.\nValidation errors:\n- " + string.Join("\n- ", errors));
        }

        var snapshot = options.Clone();
        services.TryAddSingleton(snapshot);
        services.TryAddSingleton(snapshot.LeapDayRule == KtpEligibilityPolicy.Default.LeapDayRule
            ? KtpEligibilityPolicy.Default
            : new KtpEligibilityPolicy(snapshot.LeapDayRule));
        services.TryAddSingleton(snapshot.RecordingStatusMapping);
        var factory = snapshot.RegionCatalogFactory;
        services.TryAddSingleton(_ => factory()
            ?? throw new InvalidOperationException("The KependudukanOptions.RegionCatalogFactory returned null; it must return a RegionCatalog."));

        // The one place allowed to read the system clock: the host's default, replaceable by registering an IClock first.
#pragma warning disable RS0030 // Banned API: SystemClock.Instance is allowed in the DI registration only.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        return services;
    }
}
