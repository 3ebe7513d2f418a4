"""The words the build writes into pages, templates, PDFs and the kiosk (extra.words in mkdocs.yml).

Each is a setting with its English wording here; mkdocs.yml sets the same English words (a test keeps
them equal), and a translated edition (mkdocs.ru.yml) sets every one in its own language: patients
never meet English in a translated edition. `{name}` marks are filled in by the build.
"""

from __future__ import annotations

from scripts.model.print_words import PRINT_WORDS

# The words the build writes into pages (extra.words): name -> (English, as in mkdocs.yml; what it is).
PAGE_WORDS = {
    "emergency_title": ("Emergency: call {emergency_number} now", "Title of the emergency card."),
    "emergency_action": ("call {emergency_number} now", "The emergency action inside a sentence (`{{ act: ID }}`)."),
    "emergency_lead": ("Call {emergency_number} for {emergency_service}, even if the sign goes away.",
                       "First sentence of the emergency card."),
    "today_title": ("Urgent: get help today", "Title of the same-day card."),
    "today_action": ("get help today: {urgent_advice}", "The same-day action inside a sentence."),
    "today_lead": ("Get help the same day: {urgent_advice}.", "First sentence of the same-day card."),
    "soon_title": ("See a GP soon (within about 2 weeks)", "Title of the see-a-GP-soon card."),
    "soon_action": ("see a GP soon", "The see-a-GP-soon action inside a sentence."),
    "call_button": ("Call {number}", "The tap-to-call button."),
    "online_link": ("Or use {label}", "The link to the same-day service's website beside its button."),
    "all_signs_link": ("All warning signs", "The link from a page's cards to the full list."),
    "plural": ("one-other", ("How this language counts: `one-other` (1 sign, 2 signs) or `one-few-many` (Russian: "
                             "1 признак, 2 признака, 5 признаков).")),
    "count_one": ("{count} sign", "A folded card's count: one (and in Russian 21, 31...)."),
    "count_few": ("{count} signs", "A folded card's count: in Russian 2-4, 22-24... (English: as count_many)."),
    "count_many": ("{count} signs", "A folded card's count: every other number."),
    "steps_link": ("What should I do now? Check step by step", "The link from a page's cards to the step-by-step check."),
    "strip_what": ("Stroke, heart attack or another emergency?", "The kiosk's emergency line: what the number is for."),
    "strip_call": ("Call", "The kiosk's emergency line, before the number."),
    "strip_or_call": ("Or call", "The kiosk's emergency line, before the number, after the reception note."),
    "emergency_line": ("Emergency? Call {number}", "The line at the top of a page without a Call button (and the 404 page)."),
    "not_checked": ("This page has not yet been checked by a clinician.", "A page's status line until a clinician signs it."),
    "checked_by": ("Checked by {reviewer} ({role}) on {date}.", "A page's status line once a clinician signed it."),
    "team_updated": ("The team updated it on {date}.", "After the status line: when the team last changed the page."),
    "about_this_page": ("About this page", "Name of the sources and dates box at the end of a page."),
    "sources": ("Sources", "Heading of a page's sources."),
    "page_updated": ("Page last updated", "Before the page's reviewed date."),
    "next_review": ("Next review due", "Before the page's next review date."),
    "download_title": ("Download or print", "Title of the PDF links."),
    "handout_link": ("This page as a handout (PDF)", "Link to the page's handout."),
    "booklet_link": ("The whole guide as a booklet (PDF)", "Link to the booklet."),
    "search_label": ("Search this guide", "The name screen readers give the search panel."),
    "print_updated": ("Updated", "Printed in the page margin before the date (browser print)."),
    "print_checked": ("checked by a clinician", "Printed in the page margin for a signed page."),
    "print_not_checked": ("not yet checked by a clinician", "Printed in the page margin for an unsigned page."),
    "not_found": ("404 - Not found", "Title of the page shown for an address that does not exist."),
    "language_name": ("English", "This edition's language, in the language switch."),
    "months": ("[January, February, March, April, May, June, July, August, September, October, November, December]",
               "Month names as dates use them (\"3 December 2026\")."),
}
WORDS_OPTIONAL = {"soon_lead": ("", "First sentence of the see-a-GP-soon card (may be empty)."),
                  "translation_note": ("", ("In a translation: the line at the top of every page that says the translation is not "
                                            "checked, before the link to the page in the original language. Empty in the original.")),
                  "original_link": ("", "In a translation: the words of that link to the same page in the original language.")}

# "What should I do now?" (scripts/transforms/steps.py): the screens' and the paper flowchart's own words.
# The questions' reading grade is tested to be 6 or lower (tests/test_steps.py).
STEP_WORDS = {
    "steps_part": ("Part {number} of {count}: {name}", "Above each list of questions: which part of the check this is."),
    "steps_part_emergency": ("signs of an emergency", "The emergency part's name."),
    "steps_part_today": ("signs you need help today", "The same-day part's name."),
    "steps_part_soon": ("signs to see a GP about", "The see-a-GP part's name."),
    "steps_list_question": ("Which of these is it about?", "The question of each part's list."),
    "steps_list_hint": ("Choose one to see its signs. You can come back and choose another.", "Under that question."),
    "steps_none": ("None of these", "The answer that goes on to the next part."),
    "steps_group_question": ("Does one of these fit?", "The question above a group's signs."),
    "steps_group_hint": ("Any one sign is enough.", "Under that question."),
    "steps_group_none": ("None of these: back to the list", "The answer that goes back to the list."),
    "steps_because": ("You chose this warning sign:", "At an end, before the sign that led there."),
    "steps_self_care_title": ("No warning sign fits: you can look after it at home", "The end when no sign fits."),
    "steps_self_care_home": ("What helps:", "Before the self-care advice."),
    "steps_self_care_watch": ("See a GP if one of these happens:", "Before the signs that mean a GP after all."),
    "steps_self_care_again": ("If anything changes, do this check again.", "The last line of the self-care end."),
    "steps_back": ("Back", "The link to the screen before."),
    "steps_restart": ("Start again", "The link to the first screen."),
    "flow_start": ("Start at 1. Any one sign is enough. Follow the arrows.", "The paper flowchart's first line."),
    "flow_yes": ("Yes, one fits", "The paper flowchart's yes arrow."),
    "flow_no": ("No, none fits", "The paper flowchart's no arrow."),
    "flow_go_to": ("go to {number}.", "After the no arrow."),
    "flow_watch": ("If a sign in part {part} starts later, {action}.", "On paper, in self-care: when to see a GP after all."),
    "flow_see": ("Also: {questions}. Their signs are above.", "On paper: questions whose signs are printed above."),
    "flow_turn_back": ("Turn over: {part} is on the back.", "On the paper handout, at the end of a front side."),
    "flow_turn_next": ("{part} is on the next sheet.", "On the paper handout, at the end of a back side."),
}

# name -> (English, what it is): every word an edition must set.
WORDS = {**PAGE_WORDS, **STEP_WORDS, **PRINT_WORDS}
