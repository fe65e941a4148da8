"""Lesson 10: where treatments sit on the path from a first visit to specialist care.

``pathway(duration, complaint, red_flags)`` is a pure function. It returns the ordered steps of
care that the UK guideline NICE NG59 (2016, medicines for sciatica updated 2020) describes for
one situation: new (acute) or long-lasting (persistent) pain, back pain or sciatica, with or
without warning signs. Each step says who usually provides it, what may be offered, what the
guideline advises NOT to offer, and when to see a clinician. With warning signs ("red flags")
the first and only step is urgent or emergency care.

It is education, not a care plan: it never gives medicine doses, and every step says when to
see a clinician. The reference ids name entries in ``lessons/**/content/references.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lessons.kit import triage
from lessons.kit.inputs import shown

DURATIONS = ("acute", "persistent")
COMPLAINTS = ("back pain", "sciatica")

DURATION_LABELS = {"acute": "New (acute): days or weeks",
                   "persistent": "Long-lasting (persistent): more than about 3 months"}
COMPLAINT_LABELS = {"back pain": "Back pain", "sciatica": "Sciatica (leg pain from a nerve root)"}

# Shown with every pathway, whatever the choices: the learner always sees when to get help.
# The warning-sign part comes from the triage file (lessons/kit/content/red_flags.yml).
def see_a_clinician() -> str:
    return ("See a GP, physiotherapist or other clinician if the pain does not start to improve within a few "
            "weeks, stops your day-to-day activities, or is severe or getting worse. "
            + triage.sentence(level_key="emergency"))


NO_DOSES = ("This course never gives medicine doses: ask a pharmacist or doctor before taking any "
            "medicine, and about side effects and the other medicines you take.")


class PathwayError(ValueError):
    """A choice the pathway does not know, with a message written for the learner."""


@dataclass(frozen=True)
class Step:
    """One step of care, in the order a person usually meets it."""

    stage: str                   # short title on the timeline
    who: str                     # who usually provides it
    what: tuple[str, ...]        # what may be offered or done
    what_not: tuple[str, ...]    # what NICE (or NHS guidance based on it) advises against; may be empty
    see_clinician: str           # when to see a clinician at this step
    refs: tuple[str, ...]        # reference ids the step rests on
    notes: tuple[str, ...] = ()  # what the evidence does and does not show
    urgent: bool = False


_WORSE = "if the pain does not start to improve within a few weeks, stops your day-to-day activities, " \
         "or is severe or getting worse"

def warning_signs_step() -> Step:
    """The only step when warning signs are present: its wording comes from the triage file."""
    emergency, urgent = triage.level("emergency"), triage.level("urgent")
    return Step(
        stage="Warning signs: get help first",
        who=f"{emergency.lead}: {emergency.action[:1].lower()}{emergency.action[1:]} {urgent.lead} for the others.",
        what=(f"{emergency.lead}: {triage.join(s.short for s in triage.signs('emergency'))}",
              f"{urgent.lead}: {triage.join(s.short for s in triage.signs('urgent'))}",
              "Doctors look for a serious cause (such as pressure on the nerves at the bottom of the spine, "
              "an infection, a broken bone or cancer) and arrange scans and treatment quickly"),
        what_not=("Do not wait to see whether it settles",
                  "Do not try exercises, heat or medicines at home first"),
        see_clinician="Now. Warning signs come before every other step of the pathway.",
        refs=("bass-2018-cauda-equina", "rcem-guly-2021-lower-back-pain", "nice-ng59"),
        urgent=True)

_NOT_PASSIVE = ("Belts or corsets, foot orthotics or rocker-sole shoes",
                "Traction (stretching the spine with weights or machines) or acupuncture",
                "Electrotherapy: TENS, PENS, ultrasound or interferential therapy")


def _first_visit(duration: str, complaint: str) -> Step:
    checks = ("Asks about the pain and checks for warning signs and other causes"
              + (", including the feeling, strength and reflexes in the legs" if complaint == "sciatica" else ""))
    if duration == "acute":
        stage, who = "First visit", "A GP, first-contact physiotherapist or other clinician"
        what = (checks,
                "May use a short questionnaire (such as STarT Back, 9 questions) to judge the risk of a slow recovery",
                "Reassurance, advice to keep active and help to manage the pain yourself")
    else:
        stage, who = "Review", "A GP or physiotherapist"
        what = (checks + ", looking again at new or changed symptoms",
                "May use a risk questionnaire (such as STarT Back) to choose simpler or more intensive support",
                "Advice and information to help you manage the pain yourself, and to keep up normal activities")
    return Step(
        stage=stage, who=who, what=what,
        what_not=("A routine X-ray or MRI scan (NICE: not routinely outside specialist care)",
                  "Long rest in bed"),
        see_clinician=f"See a clinician {_WORSE}.",
        refs=("nice-ng59", "keele-startback-tool", "nice-qs155", "dahm-2010-bed-rest", "nhs-back-pain-see-gp"))


def _exercise(duration: str) -> Step:
    if duration == "acute":
        stage = "Exercise and therapy, if not settling"
        lead = "If the risk questionnaire shows a higher risk of a slow recovery, or the pain is not settling: "
    else:
        stage, lead = "Exercise and therapy", ""
    return Step(
        stage=stage, who="A physiotherapist, or an NHS group exercise programme",
        what=(lead + ("a" if lead else "A") + " group exercise programme (strength and stretching, aerobic, "
                                              "or mind-body such as yoga), chosen with you",
              "Manual therapy (manipulation, mobilisation, massage) only together with exercise",
              "A talking therapy with a cognitive behavioural approach only together with exercise"),
        what_not=_NOT_PASSIVE,
        see_clinician=f"Tell the physiotherapist or see your GP {_WORSE}.",
        refs=("devon-formulary-nice-lbp", "nice-ng59-ifp-exercise", "medscape-hicks-2021-nice-lbp"))


def _medicines(duration: str, complaint: str) -> Step:
    who = "A GP, pharmacist or other prescriber"
    if complaint == "back pain":
        what = ["An anti-inflammatory painkiller (NSAID) may be considered, after checking the risks for you, "
                "at the lowest dose that works for the shortest time"]
        not_ = ["Paracetamol on its own",
                "Antidepressants (SSRIs, SNRIs, tricyclics) or anticonvulsants for low back pain"]
        if duration == "acute":
            what.append("A weak opioid only if an NSAID is unsuitable, not tolerated or has not worked")
            not_.insert(1, "Opioids routinely")
        else:
            not_.insert(1, "Opioids for long-lasting (chronic) low back pain")
        notes = ("In a large trial (PACE), paracetamol did not speed recovery from new low back pain "
                 "compared with a placebo.",)
        refs = ("sps-nice-bites-2017-lbp", "medscape-hicks-2021-nice-lbp", "williams-2014-pace")
    else:
        what = ["NICE found limited evidence that NSAIDs help sciatica; if one is used, the lowest dose that "
                "works for the shortest time, after checking the risks for you"]
        not_ = ["Gabapentinoids (gabapentin, pregabalin) or other epilepsy medicines",
                "Steroid tablets (oral corticosteroids) or benzodiazepines"]
        if duration == "persistent":
            not_.append("Opioids for long-lasting (chronic) sciatica")
            notes = ("If someone already takes opioids, gabapentinoids or benzodiazepines for sciatica, "
                     "NICE advises explaining the risks of continuing and the problems of stopping: "
                     "never stop or change them without talking to the prescriber.",)
        else:
            notes = ("There is no good evidence yet on opioids for new sciatica: NICE asked for research.",
                     "In a trial of 209 people, pregabalin did not ease sciatica more than a placebo.")
        refs = ("nice-ng59-sciatica-medicines-2020", "iosteopathy-2020-nice-sciatica-update",
                "mims-2020-nice-sciatica-update", "mathieson-2017-pregabalin-sciatica")
    return Step(stage="Pain medicines, if needed", who=who, what=tuple(what), what_not=tuple(not_),
                see_clinician=("Ask a pharmacist or doctor before taking any medicine, and about side effects "
                               "and your other medicines. This course gives no doses."),
                refs=refs, notes=notes)


def _if_it_lasts() -> Step:
    return Step(
        stage="If the pain goes on",
        who="Your GP or physiotherapist",
        what=("A review that looks again for other causes and for anything new",
              "Most new low back pain improves a lot within the first weeks; if it lasts more than about "
              "3 months, the long-lasting (persistent) pathway applies"),
        what_not=("A routine scan just because the pain goes on",),
        see_clinician=f"See a clinician {_WORSE}.",
        refs=("nice-ng59", "pengel-2003", "devon-formulary-chronic-definition"))


def _combined_programme() -> Step:
    return Step(
        stage="Combined physical and psychological programme",
        who="A team with physiotherapy and psychology, often in a group",
        what=("Exercise together with a cognitive behavioural approach, preferably in a group, when fear "
              "of movement or worry holds recovery back, or earlier treatments have not helped",),
        what_not=(),
        see_clinician=f"See your GP or physiotherapist {_WORSE}.",
        refs=("devon-formulary-nice-lbp",))


def _back_specialist() -> Step:
    return Step(
        stage="Specialist back pain service",
        who="A specialist spinal or pain service",
        what=("For a few people: radiofrequency denervation (heat to quieten the small nerves of the facet "
              "joints) when other treatments have not worked, pain is moderate or severe, and a test "
              "injection (medial branch block) helped",
              "A scan only if the result is likely to change what is done"),
        what_not=("Spinal injections for back pain without sciatica (such as facet joint injections)",
                  "Spinal fusion surgery for low back pain, except within a research trial"),
        see_clinician="Your GP can refer you when severe pain goes on despite the treatments above.",
        refs=("nice-qs155-spinal-injections", "aomrc-ebi-injections-lbp", "nice-ng59-fusion-surveillance-2018",
              "nice-ng59"))


def _epidural() -> Step:
    return Step(
        stage="Specialist: injection for severe sciatica",
        who="A specialist spinal or pain service",
        what=("An epidural injection of local anaesthetic and steroid may be considered for acute and "
              "severe sciatica",),
        what_not=("Epidural injections for neurogenic claudication from narrowing of the central spinal canal "
                  "(spinal stenosis, lesson 04)",),
        see_clinician="Your GP can refer you when severe leg pain is not settling.",
        refs=("aomrc-ebi-injections-lbp", "nice-ng59", "pinto-2012-epidural-steroids"),
        notes=("In 23 trials the benefit over a placebo injection was small (6.2 points on a 0 to 100 leg-pain "
               "scale) and short-lived (2 weeks to 3 months); no difference was found at a year or more.",))


def _surgery() -> Step:
    return Step(
        stage="Specialist: surgery for sciatica",
        who="A spinal surgeon",
        what=("An operation to take pressure off the nerve (spinal decompression, for example removing the "
              "piece of disc pressing on it) may be considered when non-surgical care has not improved pain or "
              "function and a scan matches the symptoms",
              "A scan (usually MRI) when surgery is being considered"),
        what_not=("Surgery as the first treatment: non-surgical care is the usual start, except for warning "
                  "signs or very severe cases",),
        see_clinician="Your GP can refer you for a surgical opinion when severe leg pain goes on.",
        refs=("aomrc-ebi-lumbar-discectomy", "nice-ng59", "peul-2007-early-surgery"),
        notes=("In a trial of 283 people, early surgery eased leg pain faster, but after a year 95 in 100 "
               "felt recovered in both groups.",))


def _clean(value, allowed: tuple[str, ...], field: str) -> str:
    if not isinstance(value, str):
        raise PathwayError(f"{field} must be one of {', '.join(repr(a) for a in allowed)}; "
                           f"got {shown(value)} ({type(value).__name__}).")
    cleaned = " ".join(value.strip().lower().split())
    if cleaned not in allowed:
        raise PathwayError(f"{field} must be one of {', '.join(repr(a) for a in allowed)}, not {shown(value)}.")
    return cleaned


def pathway(duration: str, complaint: str, red_flags: bool) -> tuple[Step, ...]:
    """The ordered steps of care for one situation (education, not a care plan).

    duration: "acute" or "persistent"; complaint: "back pain" or "sciatica" (case and extra
    spaces are ignored); red_flags: True or False. Anything else raises PathwayError with a
    message naming the field and the allowed values.
    """
    duration = _clean(duration, DURATIONS, "duration")
    complaint = _clean(complaint, COMPLAINTS, "complaint")
    if not isinstance(red_flags, bool):
        raise PathwayError(f"red_flags must be True or False, not {shown(red_flags)}.")
    if red_flags:
        return (warning_signs_step(),)
    if duration == "acute":  # pain relief alongside advice; exercise programmes if not settling
        steps = [_first_visit(duration, complaint), _medicines(duration, complaint), _exercise(duration)]
        steps += [_if_it_lasts()] if complaint == "back pain" else [_epidural(), _surgery()]
    else:  # exercise first line; medicines at most alongside
        steps = [_first_visit(duration, complaint), _exercise(duration), _medicines(duration, complaint),
                 _combined_programme()]
        steps += [_back_specialist()] if complaint == "back pain" else [_surgery()]
    return tuple(replace(step, stage=f"{number} · {step.stage}") for number, step in enumerate(steps, start=1))


def situation_label(duration: str, complaint: str, red_flags: bool) -> str:
    """A short plain description of the chosen situation (for titles and cards)."""
    duration = _clean(duration, DURATIONS, "duration")
    complaint = _clean(complaint, COMPLAINTS, "complaint")
    if not isinstance(red_flags, bool):
        raise PathwayError(f"red_flags must be True or False, not {shown(red_flags)}.")
    kind = {"acute": "New", "persistent": "Long-lasting"}[duration]
    return f"{kind} {complaint}" + (" with warning signs" if red_flags else ", no warning signs")
