namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>A donor's elderly parent: visited at least once per quarter.</summary>
public sealed class ElderMember
{
    private ElderMember()
    {
        Name = Health = "";
    }

    internal ElderMember(Guid id, string name, int age, string health, LivingSituation livingSituation)
    {
        Id = id;
        Name = name;
        Age = age;
        Health = health;
        LivingSituation = livingSituation;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int Age { get; private set; }
    /// <summary>Health in the staff's words (sensitive: PIPL Art 28).</summary>
    public string Health { get; private set; }
    public LivingSituation LivingSituation { get; private set; }
}
