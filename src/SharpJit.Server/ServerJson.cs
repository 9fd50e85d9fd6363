using System.Text.Json.Serialization;

namespace SharpJit.Server;

/// <summary>The JSON the server writes itself (strings quoted and escaped), generated at build time: the CLI is
/// compiled ahead of time, where reflection-based serialisation is not available.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ServerJson : JsonSerializerContext;
