using System.ComponentModel.DataAnnotations;
using Kependudukan.DependencyInjection;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests.DependencyInjection;

public class KependudukanServiceCollectionExtensionsTests
{
    // RegionCatalog.Default is the embedded national list; these tests use a two-region catalog instead.
    private static readonly RegionCatalog s_smallCatalog = new(
    [
        new RegionEntry(RegionCode.Province(64), "Kalimantan Timur"),
        new RegionEntry(RegionCode.Regency(64, 72), "Kota Samarinda"),
    ]);

    private static readonly Type[] s_serviceTypes =
        [typeof(KependudukanOptions), typeof(KtpEligibilityPolicy), typeof(RecordingStatusMapping), typeof(RegionCatalog), typeof(IClock)];

    [Fact]
    public void AddKependudukanCore_ArgValidation() =>
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddKependudukanCore());

    [Fact]
    public void AddKependudukanCore_Defaults_RegisterSingletons()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddKependudukanCore(o => o.RegionCatalogFactory = () => s_smallCatalog));
        foreach (var type in s_serviceTypes)
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == type);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }

        using var provider = services.BuildServiceProvider();
        Assert.Same(KtpEligibilityPolicy.Default, provider.GetRequiredService<KtpEligibilityPolicy>());
        Assert.Same(RecordingStatusMapping.Default, provider.GetRequiredService<RecordingStatusMapping>());
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.Same(s_smallCatalog, provider.GetRequiredService<RegionCatalog>());
        var options = provider.GetRequiredService<KependudukanOptions>();
        Assert.Equal(LeapDayBirthdayRule.March1, options.LeapDayRule);
        Assert.Same(RecordingStatusMapping.Default, options.RecordingStatusMapping);
    }

    [Fact]
    public void AddKependudukanCore_NoConfigure_DoesNotTouchTheDefaultCatalog()
    {
        var services = new ServiceCollection().AddKependudukanCore();
        using var provider = services.BuildServiceProvider();
        Assert.Equal(LeapDayBirthdayRule.March1, provider.GetRequiredService<KtpEligibilityPolicy>().LeapDayRule);
    }

    [Fact]
    public void AddKependudukanCore_Options_ShapeServices()
    {
        var mapping = RecordingStatusMapping.Default.With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded);
        KependudukanOptions? configured = null;
        var services = new ServiceCollection().AddKependudukanCore(o =>
        {
            configured = o;
            o.LeapDayRule = LeapDayBirthdayRule.February28;
            o.RecordingStatusMapping = mapping;
            o.RegionCatalogFactory = () => s_smallCatalog;
        });
        using var provider = services.BuildServiceProvider();
        Assert.Equal(LeapDayBirthdayRule.February28, provider.GetRequiredService<KtpEligibilityPolicy>().LeapDayRule);
        Assert.Same(mapping, provider.GetRequiredService<RecordingStatusMapping>());

        // The registered options are a copy: changing the configured instance later changes nothing.
        var snapshot = provider.GetRequiredService<KependudukanOptions>();
        Assert.NotSame(configured, snapshot);
        configured!.LeapDayRule = LeapDayBirthdayRule.March1;
        Assert.Equal(LeapDayBirthdayRule.February28, snapshot.LeapDayRule);
    }

    [Fact]
    public void AddKependudukanCore_RegionCatalog_MadeOnceOnFirstRequest()
    {
        var calls = 0;
        var services = new ServiceCollection().AddKependudukanCore(o => o.RegionCatalogFactory = () =>
        {
            calls++;
            return s_smallCatalog;
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<KtpEligibilityPolicy>();
        Assert.Equal(0, calls);
        Assert.Same(s_smallCatalog, provider.GetRequiredService<RegionCatalog>());
        Assert.Same(s_smallCatalog, provider.GetRequiredService<RegionCatalog>());
        Assert.Equal(1, calls);
    }

    [Fact]
    public void AddKependudukanCore_FactoryReturnsNull_ThrowsOnRequest()
    {
        var services = new ServiceCollection().AddKependudukanCore(o => o.RegionCatalogFactory = () => null!);
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<RegionCatalog>());
        Assert.Equal("The KependudukanOptions.RegionCatalogFactory returned null; it must return a RegionCatalog.", e.Message);
    }

    [Fact]
    public void AddKependudukanCore_RegistrationsMadeBefore_Win()
    {
        var policy = new KtpEligibilityPolicy(LeapDayBirthdayRule.February28);
        var mapping = RecordingStatusMapping.Default.With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded);
        var clock = new FakeClock(Instant.FromUtc(2025, 8, 17, 0, 0));
        var services = new ServiceCollection()
            .AddSingleton(policy)
            .AddSingleton(mapping)
            .AddSingleton<IClock>(clock)
            .AddSingleton(s_smallCatalog)
            .AddKependudukanCore(o => o.RegionCatalogFactory = () => throw new InvalidOperationException("Not to be called."));
        using var provider = services.BuildServiceProvider();
        Assert.Same(policy, provider.GetRequiredService<KtpEligibilityPolicy>());
        Assert.Same(mapping, provider.GetRequiredService<RecordingStatusMapping>());
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(s_smallCatalog, provider.GetRequiredService<RegionCatalog>());
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void AddKependudukanCore_CalledTwice_IsIdempotent()
    {
        var services = new ServiceCollection().AddKependudukanCore(o => o.RegionCatalogFactory = () => s_smallCatalog);
        var count = services.Count;
        services.AddKependudukanCore(o => o.LeapDayRule = LeapDayBirthdayRule.February28);
        Assert.Equal(count, services.Count);
        foreach (var type in s_serviceTypes)
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        Assert.Equal(LeapDayBirthdayRule.March1, provider.GetRequiredService<KtpEligibilityPolicy>().LeapDayRule);
        Assert.Same(s_smallCatalog, provider.GetRequiredService<RegionCatalog>());
    }

    [Fact]
    public void AddKependudukanCore_InvalidOptions_ListsEveryError()
    {
        var services = new ServiceCollection();
        var e = Assert.Throws<ValidationException>(() => services.AddKependudukanCore(o =>
        {
            o.LeapDayRule = LeapDayBirthdayRule.None;
            o.RecordingStatusMapping = null!;
            o.RegionCatalogFactory = null!;
        }));
        Assert.Equal(
            """
            The KependudukanOptions are invalid.
            Validation errors:
            - The LeapDayRule field should be March1 or February28; got None.
            - The RecordingStatusMapping field is required.
            - The RegionCatalogFactory field is required.
            """.ReplaceLineEndings("\n"),
            e.Message);
        Assert.Empty(services);
    }

    [Fact]
    public void AddKependudukanCore_OneInvalidOption_ListsIt()
    {
        var e = Assert.Throws<ValidationException>(() => new ServiceCollection().AddKependudukanCore(o => o.LeapDayRule = (LeapDayBirthdayRule)7));
        Assert.Equal("The KependudukanOptions are invalid.\nValidation errors:\n- The LeapDayRule field should be March1 or February28; got 7.", e.Message);
    }

    // A host decides "today" from the injected clock and the resident's time zone; a fake clock makes that testable.
    [Fact]
    public void FakeClock_ReplacesSystemClock_ForAsOfDecisions()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 8, 16, 16, 30)); // 00:30 on 17 August in Samarinda (WITA, UTC+8)
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddKependudukanCore(o => o.RegionCatalogFactory = () => s_smallCatalog);
        using var provider = services.BuildServiceProvider();
        var today = provider.GetRequiredService<IClock>().GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Makassar"]).Date;
        Assert.Equal(D(2025, 8, 17), today);
        var policy = provider.GetRequiredService<KtpEligibilityPolicy>();
        Assert.True(policy.Evaluate(Born(D(2008, 8, 17)), today).IsWajibKtp);
        clock.Advance(Duration.FromHours(-1));
        Assert.False(policy.Evaluate(Born(D(2008, 8, 17)), clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Makassar"]).Date).IsWajibKtp);
    }
}
