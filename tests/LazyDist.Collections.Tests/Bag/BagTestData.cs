namespace LazyDist.Collections.Tests.Bag;

/// <summary>A record that travels to workers as a block, member by member.</summary>
public record Sale(int User, string Country, double Amount, string? Note);

/// <summary>A dimension table row.</summary>
public record Customer(int User, string Name);

/// <summary>Seeded test data.</summary>
internal static class BagTestData
{
    public static List<Sale> Sales(int count, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new Sale(random.Next(0, 50), $"c{random.Next(0, 6)}", Math.Round(random.NextDouble() * 100, 2), i % 7 == 0 ? null : $"n{i % 3}"))];
    }

    public static List<Customer> Customers(int count) => [.. Enumerable.Range(0, count).Where(u => u % 4 != 3).Select(u => new Customer(u, $"name{u}"))];

    public static List<string> Lines(int count, int seed = 3)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(0, 9)).Select(_ => $"w{(int)Math.Sqrt(random.Next(0, 400))}")))];
    }
}
