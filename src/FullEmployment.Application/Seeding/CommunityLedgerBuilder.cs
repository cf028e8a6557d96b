using System.Globalization;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// Builds one community's ledger for <see cref="LedgerGenerator"/>. Persons fall into groups that
/// drive the A5 indicators for the default period S…E before the application date: registered
/// unemployed (8 %), difficulty persons (4 %), three zero-employment families, key-group registrants
/// (3 %), elderly residents, and ordinary residents who carry most of the assistance records.
/// </summary>
internal sealed class CommunityLedgerBuilder
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "闫", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
    ];

    private static readonly string[] MaleChars = ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "龙", "建", "国", "文", "海"];
    private static readonly string[] FemaleChars = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂", "英", "红", "梅", "琳", "婷", "雪", "慧", "兰", "洁", "萍", "倩", "月", "秀"];
    private static readonly string[] Handlers = ["李晓燕", "王建军", "张敏", "刘海涛", "陈静"];
    private static readonly string[] Employers = ["兰州示例商贸有限公司", "甘肃某物流有限公司", "社区便民服务中心", "某建筑工程有限公司", "某餐饮管理有限公司", "某物业服务有限公司"];
    private static readonly string[] Categories = ["长期失业人员", "大龄失业人员", "残疾人", "低保家庭成员", "零就业家庭成员"];
    private static readonly AssistanceKind[] OrdinaryKinds = [AssistanceKind.PolicyConsultation, AssistanceKind.FollowUpVisit, AssistanceKind.CareerGuidance, AssistanceKind.JobReferral];

    private readonly Community _community;
    private readonly int _countyOrdinal;
    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly AssessmentPeriod _period;
    private readonly DateTimeOffset _now;
    private readonly int _personCount;
    private readonly string? _failure;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    private readonly List<LedgerPerson> _persons = [];
    private readonly List<UnemploymentRegistration> _registrations = [];
    private readonly List<EmploymentRecord> _employments = [];
    private readonly List<DifficultyIdentification> _difficulty = [];
    private readonly List<ZeroEmploymentFamily> _families = [];
    private readonly List<Assistance> _assistances = [];
    private readonly HashSet<(string, DateOnly, AssistanceKind)> _assistanceKeys = [];
    private readonly List<TrainingReferral> _referrals = [];
    private readonly List<EmploymentWishRegistration> _wishes = [];
    private readonly List<Complaint> _complaints = [];
    private readonly List<StaffMember> _staff = [];
    private int _familySequence;

    /// <summary>Every generated row belongs to the community and is stored at the generation instant.</summary>
    private LedgerStamp NewRow => new(_community.Id, _now);

    public CommunityLedgerBuilder(Community community, int countyOrdinal, int seed, DateOnly applicationDate, DateTimeOffset now, int personCount,
        string? failure)
    {
        _community = community;
        _countyOrdinal = countyOrdinal;
        // Per-community stream: the same seed gives the same rows whatever the generation order.
        _random = new Random(unchecked((seed * 397) ^ (int)(long.Parse(community.Code, CultureInfo.InvariantCulture) % int.MaxValue)));
        _today = applicationDate;
        _period = AssessmentPeriod.DefaultFor(applicationDate);
        _now = now;
        _personCount = personCount;
        _failure = failure;
    }

    private DateOnly S => _period.Start;

    private DateOnly E => _period.End;

    public CommunityLedger Build()
    {
        var unemployed = _personCount * 8 / 100;
        var difficulty = _personCount * 4 / 100;
        var wishes = _personCount * 3 / 100;
        for (var i = 0; i < unemployed; i++)
        {
            RegisteredUnemployed(employed: i >= (_failure == IndicatorCalculator.Reemployment ? unemployed / 4 : unemployed / 20));
        }

        for (var i = 0; i < difficulty; i++)
        {
            Difficulty(employed: i >= (_failure == IndicatorCalculator.DifficultyEmployment ? difficulty / 5 : 0),
                skipAMonth: i == 0 && _failure == IndicatorCalculator.MonthlyAssistance);
        }

        for (var i = 0; i < 3; i++)
        {
            ZeroEmploymentFamily(late: i == 0 && _failure == IndicatorCalculator.ZeroEmploymentFamilies);
        }

        for (var i = 0; i < wishes; i++)
        {
            Wish(unassisted: i == 0 && _failure == IndicatorCalculator.WillingWorkersAssisted);
        }

        while (_persons.Count < _personCount)
        {
            Household();
        }

        Complaints();
        Staff();
        return new CommunityLedger
        {
            CommunityId = _community.Id,
            Persons = _persons,
            UnemploymentRegistrations = _registrations,
            Employments = _employments,
            DifficultyIdentifications = _difficulty,
            ZeroEmploymentFamilies = _families,
            Assistances = _assistances,
            TrainingReferrals = _referrals,
            EmploymentWishRegistrations = _wishes,
            Complaints = _complaints,
            Staff = _staff,
        };
    }

    /// <summary>A5.3.3: registered within the period; re-employed ones deregister with 就业 on the job's first day; assisted monthly meanwhile.</summary>
    private void RegisteredUnemployed(bool employed)
    {
        var person = Person(Between(22, 50), familyNumber: null, relation: "户主");
        var registeredOn = Date(S, E.AddDays(-75));
        DateOnly? employedOn = employed ? Min(registeredOn.AddDays(_random.Next(20, 150)), E) : null;
        _registrations.Add(new UnemploymentRegistration
        {
            IdNumber = person.IdNumber,
            RegisteredOn = registeredOn,
            Reason = Pick(["合同期满", "单位裁员", "个人辞职", "企业关闭"]),
            DeregisteredOn = employedOn,
            DeregistrationReason = employedOn is null ? null : LeaveReason.Employed,
            Stamp = NewRow,
        });
        if (employedOn is { } on)
        {
            Employ(person.IdNumber, on);
        }

        MonthlyAssistance(person.IdNumber, registeredOn, employedOn ?? E, skip: null);
    }

    /// <summary>A5.3.2 and A5.4.2: identified around the period, assisted every month until employed (the identification ends with 就业).</summary>
    private void Difficulty(bool employed, bool skipAMonth)
    {
        var person = Person(Between(25, 50), familyNumber: null, relation: "户主");
        var identifiedOn = Date(S.AddDays(-30), E.AddDays(-60));
        // The planted A5.4.2 gap is the second month, so that person stays unemployed past it.
        DateOnly? employedOn = employed ? Min(Max(identifiedOn, S).AddDays(_random.Next(skipAMonth ? 70 : 15, 200)), E) : null;
        _difficulty.Add(new DifficultyIdentification
        {
            IdNumber = person.IdNumber,
            IdentifiedOn = identifiedOn,
            Category = Pick(Categories),
            EndedOn = employedOn,
            EndReason = employedOn is null ? null : LeaveReason.Employed,
            Stamp = NewRow,
        });
        if (employedOn is { } on)
        {
            Employ(person.IdNumber, on);
        }

        var last = employedOn ?? E;
        DateOnly? skip = skipAMonth ? new DateOnly(Max(identifiedOn, S).Year, Max(identifiedOn, S).Month, 1).AddMonths(1) : null;
        MonthlyAssistance(person.IdNumber, identifiedOn, last, skip);
        if (_random.Next(2) == 0)
        {
            _referrals.Add(new TrainingReferral
            {
                IdNumber = person.IdNumber,
                ReferredOn = Date(Max(identifiedOn, S), E),
                Programme = Pick(["电工", "育婴师", "中式烹调", "电子商务", "保安员"]),
                Provider = "市职业技能培训中心",
                Stamp = NewRow,
            });
        }
    }

    /// <summary>A5.3.1a: a head and spouse; the head finds work within a month (or, planted, after six weeks).</summary>
    private void ZeroEmploymentFamily(bool late)
    {
        var number = $"Z{++_familySequence:000}";
        var head = Person(Between(30, 50), number, "户主");
        Person(Between(30, 50), number, "配偶");
        var identifiedOn = Date(S, E.AddDays(-70));
        _families.Add(new ZeroEmploymentFamily
        {
            FamilyNumber = number,
            IdentifiedOn = identifiedOn,
            HeadIdNumber = head.IdNumber,
            Stamp = NewRow,
        });
        Employ(head.IdNumber, identifiedOn.AddDays(late ? _random.Next(45, 60) : _random.Next(7, 25)));
    }

    /// <summary>A5.3.1b and A5.3.4: a key-group registrant assisted within weeks; most find work.</summary>
    private void Wish(bool unassisted)
    {
        var person = Person(Between(20, 45), familyNumber: null, relation: "户主");
        var registeredOn = unassisted ? Date(S, E.AddDays(-200)) : Date(S, E.AddDays(-60));
        _wishes.Add(new EmploymentWishRegistration
        {
            IdNumber = person.IdNumber,
            RegisteredOn = registeredOn,
            Group = Pick(Enum.GetValues<KeyGroupCategory>()),
            Intention = Pick(["保洁", "快递分拣", "餐饮服务", "电工", "文员"]),
            Stamp = NewRow,
        });
        if (unassisted)
        {
            return;
        }

        var assistedOn = registeredOn.AddDays(_random.Next(3, 40));
        AddAssistance(person.IdNumber, assistedOn, AssistanceKind.JobReferral);
        if (_random.Next(10) < 6 && assistedOn.AddDays(30) < E)
        {
            Employ(person.IdNumber, Date(assistedOn.AddDays(1), Min(assistedOn.AddDays(120), E)));
        }
    }

    /// <summary>Ordinary residents in households of one to four: most employed at some time, a few retired; assistance on file.</summary>
    private void Household()
    {
        var number = $"F{_persons.Count:0000}";
        var size = Math.Min(_random.Next(1, 5), _personCount - _persons.Count);
        for (var m = 0; m < size; m++)
        {
            var elderly = _random.Next(10) == 0;
            var person = Person(elderly ? Between(61, 80) : Between(18, 58), number, m == 0 ? "户主" : m == 1 ? "配偶" : "子女", elderly);
            if (elderly)
            {
                continue;
            }

            if (_random.Next(10) < 7)
            {
                Employ(person.IdNumber, Date(_today.AddYears(-6), _today.AddDays(-1)));
            }

            // ~5 assistance records per ordinary resident (docs/reference/design.md "Tests and benchmarks": ~5,000,000 for 1,000,000 persons).
            var count = _random.Next(3, 10);
            for (var a = 0; a < count; a++)
            {
                AddAssistance(person.IdNumber, Date(_today.AddYears(-2), _today.AddDays(-1)), Pick(OrdinaryKinds));
            }
        }
    }

    private void Complaints()
    {
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            AddComplaint(Date(_today.AddYears(-2), _today.AddDays(-1)), valid: false);
        }

        if (_failure == IndicatorCalculator.ValidComplaints)
        {
            // A5.5.2: a valid complaint in the three calendar years before the application year.
            AddComplaint(new DateOnly(_today.Year - 1, _random.Next(1, 13), _random.Next(1, 29)), valid: true);
        }
    }

    private void AddComplaint(DateOnly on, bool valid)
    {
        var subject = Pick(["失业登记办理时限", "就业援助不及时", "公益性岗位安排", "培训补贴发放", "服务态度"]) + $"（{on:MMdd}）";
        if (_complaints.Any(c => c.ComplainedOn == on && c.Subject == subject))
        {
            return;
        }

        _complaints.Add(new Complaint
        {
            ComplainedOn = on,
            Subject = subject,
            IsValid = valid,
            Resolution = valid ? "已整改" : "已解释说明",
            Stamp = NewRow,
        });
    }

    /// <summary>A5.1.4: one qualified full-time member (college or above, over a year in post) unless planted to fail.</summary>
    private void Staff()
    {
        var qualified = _failure != IndicatorCalculator.QualifiedStaff;
        var count = _random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            var gender = _random.Next(2) == 0 ? Gender.Male : Gender.Female;
            var lead = i == 0;
            _staff.Add(new StaffMember
            {
                Name = Name(gender),
                IdNumber = NewId(Birth(Between(25, 50)), gender),
                Education = lead && qualified ? Pick([EducationLevel.College, EducationLevel.Bachelor]) : Pick([EducationLevel.HighSchool, EducationLevel.VocationalSecondary]),
                IsFullTime = lead || _random.Next(2) == 0,
                StartedOn = _today.AddDays(-_random.Next(400, 3000) - i),
                Stamp = NewRow,
            });
        }
    }

    private void MonthlyAssistance(string idNumber, DateOnly from, DateOnly until, DateOnly? skip)
    {
        var start = Max(from, S);
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= until; month = month.AddMonths(1))
        {
            if (month == skip)
            {
                continue;
            }

            var first = Max(month, start);
            var last = Min(month.AddMonths(1).AddDays(-1), _today.AddDays(-1));
            AddAssistance(idNumber, Date(first, last), month == new DateOnly(start.Year, start.Month, 1)
                ? AssistanceKind.CareerGuidance : Pick([AssistanceKind.JobReferral, AssistanceKind.FollowUpVisit, AssistanceKind.SkillsTraining]));
        }
    }

    private void AddAssistance(string idNumber, DateOnly on, AssistanceKind kind)
    {
        if (!_assistanceKeys.Add((idNumber, on, kind)))
        {
            return;
        }

        _assistances.Add(new Assistance
        {
            IdNumber = idNumber,
            AssistedOn = on,
            AssistanceKind = kind,
            Content = kind.ToLabel(),
            Handler = Pick(Handlers),
            SystemRecordNumber = $"GS{on:yyyyMMdd}{_assistances.Count:00000}",
            Stamp = NewRow,
        });
    }

    private void Employ(string idNumber, DateOnly on)
    {
        if (_employments.Any(e => e.IdNumber == idNumber && e.EmployedOn == on))
        {
            return;
        }

        _employments.Add(new EmploymentRecord
        {
            IdNumber = idNumber,
            EmployedOn = on,
            Form = Pick(Enum.GetValues<EmploymentForm>()),
            Employer = Pick(Employers),
            Stamp = NewRow,
        });
    }

    private LedgerPerson Person(int age, string? familyNumber, string relation, bool elderly = false)
    {
        var gender = _random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var id = NewId(Birth(age), gender);
        var person = new LedgerPerson
        {
            // NewId may move the birth date by a day to avoid a taken number: read it back from the ID.
            IdNumber = id,
            Name = Name(gender),
            Gender = gender,
            BirthDate = IdNumber.Parse(id).BirthDate,
            Education = Pick(Enum.GetValues<EducationLevel>()),
            Phone = $"1{Pick(["38", "39", "58", "77", "86", "89"])}{_random.Next(0, 100_000_000):00000000}",
            FamilyNumber = familyNumber ?? $"H{_persons.Count:0000}",
            RelationToHead = relation,
            HouseholdType = _random.Next(3) == 0 ? "农村" : "城镇",
            HasWorkCapacity = !elderly,
            IsWillingToWork = !elderly,
            Address = $"{_community.Street}{_random.Next(1, 80)}号{_random.Next(1, 6)}单元",
            Stamp = NewRow,
        };
        _persons.Add(person);
        return person;
    }

    /// <summary>
    /// A valid GB 11643 number in the community's county. The sequence digits encode the community's
    /// ordinal in its county (mod 50), so communities of one county never draw the same number.
    /// </summary>
    private string NewId(DateOnly birth, Gender gender)
    {
        var region = _community.CountyCode ?? _community.CityCode;
        while (true)
        {
            var sequence = ((_random.Next(10) * 50) + (_countyOrdinal % 50)) * 2 + (gender == Gender.Male ? 1 : 0);
            var first17 = $"{region}{birth:yyyyMMdd}{sequence:000}";
            var id = first17 + IdNumber.CheckCharacter(first17);
            if (_ids.Add(id))
            {
                return id;
            }

            birth = birth.AddDays(1);
        }
    }

    private DateOnly Birth(int age) => _today.AddYears(-age - 1).AddDays(_random.Next(1, 365));

    private string Name(Gender gender)
    {
        var chars = gender == Gender.Male ? MaleChars : FemaleChars;
        return Pick(Surnames) + Pick(chars) + (_random.Next(3) == 0 ? string.Empty : Pick(chars));
    }

    private int Between(int min, int max) => _random.Next(min, max + 1);

    private DateOnly Date(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
