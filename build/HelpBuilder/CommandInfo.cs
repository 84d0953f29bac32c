using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ComplianceTools.Build
{
    /// <summary>A cmdlet as its compiled attributes describe it.</summary>
    internal sealed class CommandInfo
    {
        public string Name { get; private set; }

        public string Verb { get; private set; }

        public string Noun { get; private set; }

        public bool SupportsShouldProcess { get; private set; }

        public string DefaultSet { get; private set; }

        public List<ParameterInfo2> Parameters { get; } = new List<ParameterInfo2>();

        public IEnumerable<string> SetNames
        {
            get
            {
                var sets = Parameters.SelectMany(p => p.Sets.Keys).Where(s => s != "__AllParameterSets").Distinct()
                    .OrderBy(s => s == DefaultSet ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal).ToList();
                return sets.Count == 0 ? new[] { "__AllParameterSets" } : sets;
            }
        }

        public static CommandInfo From(Type type, CustomAttributeData cmdlet)
        {
            var info = new CommandInfo
            {
                Verb = (string)cmdlet.ConstructorArguments[0].Value,
                Noun = (string)cmdlet.ConstructorArguments[1].Value,
            };
            info.Name = info.Verb + "-" + info.Noun;
            info.SupportsShouldProcess = cmdlet.NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && (bool)a.TypedValue.Value);
            info.DefaultSet = cmdlet.NamedArguments.Where(a => a.MemberName == "DefaultParameterSetName").Select(a => (string)a.TypedValue.Value).FirstOrDefault();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var p = ParameterInfo2.From(property);
                if (p != null)
                {
                    info.Parameters.Add(p);
                }
            }

            if (info.SupportsShouldProcess)
            {
                info.Parameters.Add(ParameterInfo2.Switch("WhatIf", "wi"));
                info.Parameters.Add(ParameterInfo2.Switch("Confirm", "cf"));
            }

            return info;
        }
    }

    internal sealed class ParameterSetEntry
    {
        public bool Mandatory { get; set; }

        public int? Position { get; set; }

        public bool ByValue { get; set; }

        public bool ByPropertyName { get; set; }
    }

    internal sealed class ParameterInfo2
    {
        public string Name { get; private set; }

        public string TypeFullName { get; private set; }

        public string TypeShortName { get; private set; }

        public bool IsSwitch { get; private set; }

        public bool IsArray { get; private set; }

        public bool Wildcards { get; private set; }

        public List<string> Aliases { get; } = new List<string>();

        public Dictionary<string, ParameterSetEntry> Sets { get; } = new Dictionary<string, ParameterSetEntry>(StringComparer.Ordinal);

        public bool InSet(string set) => Sets.ContainsKey(set) || Sets.ContainsKey("__AllParameterSets");

        public int? PositionFor(string set) => Sets.TryGetValue(set, out var s) ? s.Position : (Sets.TryGetValue("__AllParameterSets", out var all) ? all.Position : null);

        public string PipelineText
        {
            get
            {
                bool byValue = Sets.Values.Any(s => s.ByValue);
                bool byName = Sets.Values.Any(s => s.ByPropertyName);
                if (byValue && byName)
                {
                    return "True (ByPropertyName, ByValue)";
                }

                return byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";
            }
        }

        public static ParameterInfo2 Switch(string name, string alias)
        {
            var p = new ParameterInfo2 { Name = name, TypeFullName = "System.Management.Automation.SwitchParameter", TypeShortName = "SwitchParameter", IsSwitch = true };
            p.Aliases.Add(alias);
            p.Sets["__AllParameterSets"] = new ParameterSetEntry();
            return p;
        }

        public static ParameterInfo2 From(PropertyInfo property)
        {
            var attributes = property.GetCustomAttributesData();
            var parameterAttrs = attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList();
            if (parameterAttrs.Count == 0)
            {
                return null;
            }

            Type t = property.PropertyType;
            Type element = t.IsArray ? t.GetElementType() : t;
            if (element.IsGenericType && element.GetGenericTypeDefinition().FullName == "System.Nullable`1")
            {
                element = element.GetGenericArguments()[0];
            }

            var p = new ParameterInfo2
            {
                Name = property.Name,
                IsArray = t.IsArray,
                IsSwitch = element.FullName == "System.Management.Automation.SwitchParameter",
                TypeFullName = (element.FullName ?? element.Name) + (t.IsArray ? "[]" : string.Empty),
                TypeShortName = element.Name + (t.IsArray ? "[]" : string.Empty),
                Wildcards = attributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.SupportsWildcardsAttribute"),
            };
            foreach (var alias in attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute"))
            {
                foreach (var arg in alias.ConstructorArguments)
                {
                    if (arg.Value is IEnumerable<CustomAttributeTypedArgument> values)
                    {
                        p.Aliases.AddRange(values.Select(v => (string)v.Value));
                    }
                }
            }

            foreach (var attr in parameterAttrs)
            {
                var entry = new ParameterSetEntry();
                string set = "__AllParameterSets";
                foreach (var named in attr.NamedArguments)
                {
                    switch (named.MemberName)
                    {
                        case "Mandatory": entry.Mandatory = (bool)named.TypedValue.Value; break;
                        case "Position": entry.Position = (int)named.TypedValue.Value; break;
                        case "ValueFromPipeline": entry.ByValue = (bool)named.TypedValue.Value; break;
                        case "ValueFromPipelineByPropertyName": entry.ByPropertyName = (bool)named.TypedValue.Value; break;
                        case "ParameterSetName": set = (string)named.TypedValue.Value; break;
                    }
                }

                if (entry.Position.HasValue && entry.Position.Value < 0)
                {
                    entry.Position = null;
                }

                p.Sets[set] = entry;
            }

            return p;
        }
    }
}
