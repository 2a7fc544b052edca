namespace Kependudukan;

/// <summary>Whether a resident is alive and living in Indonesia.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.
/// <see cref="Deceased"/> and <see cref="MovedAbroad"/> carry a date (<see cref="Resident.LifeStatusDate"/>).</remarks>
public enum LifeStatus
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Alive and living in Indonesia.</summary>
    Alive = 1,

    /// <summary>Deceased on <see cref="Resident.LifeStatusDate"/>.</summary>
    Deceased = 2,

    /// <summary>Moved abroad on <see cref="Resident.LifeStatusDate"/>; excluded from national recording targets.</summary>
    MovedAbroad = 3,
}
