using System.Reflection;
using System.Reflection.Emit;

namespace PouchMonitor.Host.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its compiled types: base types, interfaces, fields, properties,
/// events, signatures, locals and every type, method and field token in the method bodies' IL.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // From a namespace to each namespace it uses, with the first use found as an example.
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>The graph of the namespaces of <paramref name="assembly"/> under <paramref name="rootNamespace"/>.</summary>
    public static NamespaceGraph Of(Assembly assembly, string rootNamespace)
    {
        bool InRoot(string? ns) => ns is not null && (ns == rootNamespace || ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal));
        var graph = new NamespaceGraph();
        foreach (var type in assembly.GetTypes().Where(t => InRoot(t.Namespace)))
        {
            var from = graph.Node(type.Namespace!);
            foreach (var used in Uses(type).SelectMany(Named))
            {
                if (used.Assembly == assembly && InRoot(used.Namespace) && used.Namespace != type.Namespace)
                {
                    from.TryAdd(used.Namespace!, $"{Outermost(type).Name} uses {Outermost(used).Name}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// A cycle as its edges ("A → B (X uses Y)"), the first found in namespace order; empty when there is none.
    /// </summary>
    public IReadOnlyList<string> FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        foreach (var start in _edges.Keys)
        {
            if (Visit(start, state, path) is { } cycle)
            {
                return [.. cycle.Zip(cycle.Skip(1), (a, b) => $"{a} → {b} ({_edges[a][b]})")];
            }
        }

        return [];
    }

    private List<string>? Visit(string node, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(node, out var done))
        {
            return done ? null : [.. path.Skip(path.IndexOf(node)), node];
        }

        state[node] = false;
        path.Add(node);
        foreach (var next in _edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
        {
            if (Visit(next, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = true;
        return null;
    }

    private SortedDictionary<string, string> Node(string ns)
    {
        if (!_edges.TryGetValue(ns, out var edges))
        {
            edges = new SortedDictionary<string, string>(StringComparer.Ordinal);
            _edges[ns] = edges;
        }

        return edges;
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<Type> Uses(Type type)
    {
        var uses = new List<Type>();
        uses.AddRange(type.GetInterfaces());
        if (type.BaseType is { } baseType)
        {
            uses.Add(baseType);
        }

        uses.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        uses.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        uses.AddRange(type.GetEvents(Declared).Select(e => e.EventHandlerType!));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo { ReturnType: var returnType })
            {
                uses.Add(returnType);
            }

            uses.AddRange(method.GetParameters().Select(p => p.ParameterType));
            uses.AddRange(InBody(method));
        }

        return uses;
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        if (method.GetMethodBody() is not { } body)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray()!;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var opCode = OpCodesByValue[il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i]];
            i += opCode.Size;
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                foreach (var used in Members(method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)))
                {
                    yield return used;
                }
            }

            i += OperandSize(opCode, il, i);
        }
    }

    private static IEnumerable<Type> Members(MemberInfo? member) => member switch
    {
        Type type => [type],
        FieldInfo field => [field.DeclaringType!, field.FieldType],
        MethodInfo method => [method.DeclaringType!, method.ReturnType, .. method.GetParameters().Select(p => p.ParameterType)],
        ConstructorInfo constructor => [constructor.DeclaringType!],
        _ => [],
    };

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    // The named types a type is built from: an array's element, a generic type and its arguments.
    private static IEnumerable<Type> Named(Type type)
    {
        if (type.HasElementType)
        {
            return Named(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return [];
        }

        return type.IsConstructedGenericType
            ? type.GenericTypeArguments.SelectMany(Named).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }
}
