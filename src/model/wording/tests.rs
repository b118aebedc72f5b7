//! The wording check on real sentences: what it flags, and what it leaves alone.

use super::*;

fn phrases(text: &str) -> Vec<(FlagKind, String)> {
    check(text)
        .into_iter()
        .map(|f| (f.kind, f.phrase))
        .collect()
}

#[test]
fn flags_self_attacks_with_straight_or_curly_apostrophes() {
    use FlagKind::SelfAttack;
    assert_eq!(
        phrases("Sorry, I'm so stupid."),
        [(SelfAttack, "i'm so stupid".into())]
    );
    assert_eq!(
        phrases("I’m such an idiot"),
        [(SelfAttack, "i'm such an idiot".into())]
    );
    assert_eq!(
        phrases("\u{201c}I\u{2019}M USELESS\u{201d}"),
        [(SelfAttack, "i'm useless".into())]
    );
    assert_eq!(
        phrases("I am a failure"),
        [(SelfAttack, "i am a failure".into())]
    );
    assert_eq!(
        phrases("I always ruin things"),
        [(SelfAttack, "i always ruin".into())]
    );
    assert_eq!(
        phrases("I ruin everything"),
        [(SelfAttack, "ruin everything".into())]
    );
}

#[test]
fn flags_minimising_words_once_each() {
    use FlagKind::Minimising;
    assert_eq!(
        phrases("It was just a small typo, only just. No big deal."),
        [
            (Minimising, "just".into()),
            (Minimising, "a small".into()),
            (Minimising, "only".into()),
            (Minimising, "big deal".into()),
        ]
    );
}

#[test]
fn leaves_plain_factual_wording_alone() {
    for text in [
        "I sent the invoice to the wrong client at 9:12.",
        "Justice was adjusted. I am sorry. The stupidity of the bug was in the script.",
        "It's a big release, I'm on it.",
        "\u{201c}Justly\u{201d} \u{2014} only\u{2019}s",
        "",
    ] {
        assert_eq!(phrases(text), [], "{text:?}");
    }
}

#[test]
fn flags_but_only_after_owning_up_in_the_same_sentence() {
    use FlagKind::{Blaming, Excuse};
    for text in [
        "I'm sorry, but the script sent it before I could check.",
        "I made a mistake with the invoice, but the template was confusing.",
        "My mistake, but it was late and the portal was slow.",
        "I apologise for the delay but the numbers were hard to find.",
        "I got it wrong, but anyone could have.",
    ] {
        assert_eq!(phrases(text), [(Excuse, "but".into())], "{text:?}");
    }
    assert_eq!(
        phrases("I messed up the numbers but nobody told me the rates changed."),
        [(Excuse, "but".into()), (Blaming, "nobody told me".into())]
    );
}

#[test]
fn leaves_ordinary_buts_alone() {
    for text in [
        "The fix is small but needs a review.",
        "I'm sorry for the delay. The fix is ready but needs a review.",
        "I'm sorry for the delay; the fix is ready but untested.",
        "I'm sorry for the delay but also for the confusion.",
        "I sent the file to the wrong client, but I've asked them to delete it.",
        "There was an error in the export, but the backup is intact.",
    ] {
        assert_eq!(phrases(text), [], "{text:?}");
    }
}

#[test]
fn flags_only_because_and_it_wasnt_really_as_excuses() {
    use FlagKind::Excuse;
    assert_eq!(
        phrases("It happened only because the portal was down."),
        [(Excuse, "only because".into())],
        "flagged as an excuse, not also as the minimiser \"only\""
    );
    assert_eq!(
        phrases("It wasn\u{2019}t really my call to make."),
        [(Excuse, "it wasn't really".into())]
    );
    assert_eq!(
        phrases("That was not really a problem until today."),
        [(Excuse, "that was not really".into())]
    );
    for text in [
        "It matters not only because of the cost.",
        "I wasn't really sure which list was current, so I asked.",
        "It was really late when I noticed.",
        "I did it because I thought the list was final.",
    ] {
        assert_eq!(phrases(text), [], "{text:?}");
    }
}

#[test]
fn flags_blaming_others() {
    use FlagKind::{Blaming, Excuse};
    let cases: [(&str, (FlagKind, &str)); 8] = [
        ("It was Sam's fault, really.", (Blaming, "sam's fault")),
        ("Honestly it was their fault.", (Blaming, "their fault")),
        (
            "It's not my fault the rates changed.",
            (Excuse, "not my fault"),
        ),
        (
            "It went out because they didn't update the list.",
            (Blaming, "because they didn't"),
        ),
        (
            "It broke because he forgot the header.",
            (Blaming, "because he forgot"),
        ),
        (
            "They should have checked it before release.",
            (Blaming, "they should have"),
        ),
        (
            "Someone should\u{2019}ve noticed sooner.",
            (Blaming, "someone should've"),
        ),
        (
            "No one warned us about the new template.",
            (Blaming, "no one warned us"),
        ),
    ];
    for (text, (kind, phrase)) in cases {
        assert_eq!(phrases(text), [(kind, phrase.into())], "{text:?}");
    }
}

#[test]
fn leaves_plain_mentions_of_others_alone() {
    for text in [
        "It was my fault.",
        "The fault was in the script.",
        "They should have the new file by noon.",
        "I should have checked the address.",
        "We should have a second check before sending.",
        "I chased it because the client didn't reply.",
        "Nobody else was affected.",
        "No one has replied yet.",
        "Sam's team fixed the header.",
    ] {
        assert_eq!(phrases(text), [], "{text:?}");
    }
}

#[test]
fn every_flag_of_every_kind_has_a_suggestion() {
    let flags = check("I'm useless, it was only a tiny thing. Sorry, but it was their fault: it wasn't really clear, only because nobody told me and they should have known.");
    assert_eq!(flags.len(), 10, "{flags:?}");
    for kind in [
        FlagKind::SelfAttack,
        FlagKind::Minimising,
        FlagKind::Excuse,
        FlagKind::Blaming,
    ] {
        assert!(flags.iter().any(|f| f.kind == kind), "{kind:?}");
    }
    assert!(flags.iter().all(|f| !f.suggestion.is_empty()));
}
