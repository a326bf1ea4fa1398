using System.Reflection;

[assembly: AssemblyTitle("PouchMonitor.Firmware")]
[assembly: AssemblyProduct("PouchMonitor")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
