namespace Kependudukan.Data;

/// <summary>The exception thrown when a resident load cannot go on: the input has no usable header, or a row is rejected
/// under <see cref="LoadErrorPolicy.FailFast"/>.</summary>
/// <remarks>The message is <see cref="LoadIssue.ToString"/> of <see cref="Issue"/>: it never contains a value of the input.</remarks>
public sealed class ResidentLoadException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ResidentLoadException()
        : this("The resident data could not be loaded.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public ResidentLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResidentLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for an issue.</summary>
    /// <param name="issue">The issue that stopped the load.</param>
    public ResidentLoadException(LoadIssue issue)
        : base(issue.ToString()) => Issue = issue;

    /// <summary>Gets the issue that stopped the load.</summary>
    /// <value>The issue, or the default value when the exception was created without one.</value>
    public LoadIssue Issue { get; }
}
