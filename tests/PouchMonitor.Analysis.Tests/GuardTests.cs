using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

public class GuardTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void PouchSpec_NonPositiveSlurryMass_Throws(double slurryMassG)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PouchSpec("P", "s", slurryMassG, null, null, Vessel.Headspace(40)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    public void Vessel_BadGasVolume_Throws(double gasVolumeMl)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Vessel.Headspace(gasVolumeMl));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vessel.PouchInJar(gasVolumeMl));
    }

    [Fact]
    public void StandardConditions_BelowAbsoluteZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardConditions(-300, 101_325));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardConditions(0, double.NaN));
    }
}
