// Made by `python -m scripts.search_words` from docs/_data/search-words.yml, the glossary and page descriptions. Do not edit.
var __searchWords = {
"describe": {
"about.html": "about this guide who this guide is for how it is written and checked the evidence it uses and our promises on accessibility and privacy",
"appointment.html": "your appointment get ready to see your doctor about numbness or tingling what to bring questions to ask and a one page symptom diary",
"cramps.html": "muscle cramps why muscle cramps happen what helps why quinine and magnesium are not the answer and which leg pain is not a cramp and needs help",
"diagnosis.html": "getting diagnosed who to see first about numb hands or feet what the examination involves which tests help and when and why x rays and routine scans usually do not",
"glossary.html": "glossary plain language meanings of the medical words used in this guide from back pain and nerves to scans and treatments",
"index.html": "home a plain language guide to numb tingling or weak hands and feet when the spine is the cause what else it can be and what helps",
"living-with-it.html": "living with it how to stay active with neck or back trouble moving at a desk and in the car 7 gentle exercises sleep work and keeping it from coming back",
"lower-back.html": "numbness from the lower back sciatica which parts of the leg and foot go numb l4 l5 s1 spinal stenosis cauda equina syndrome and how long it usually lasts",
"myths.html": "myths and facts common beliefs about osteochondrosis numbness and back pain such as vertebrae out of place or salt deposits and what the evidence really shows",
"neck.html": "numbness from the neck which parts of the arm and hand go numb when a nerve in the neck is pressed signs the spinal cord is pressed and what usually happens",
"other-causes.html": "other causes of numb hands and feet numb hands or feet are not always from the spine the clues that point to stroke a blood clot diabetes b12 carpal tunnel and more and what to do",
"spine-and-nerves.html": "your spine and nerves explained how discs nerve roots and the spinal cord work what osteochondrosis means in english why scans show wear and what a pinched nerve is",
"symptoms.html": "numbness tingling burning and weakness what numbness pins and needles burning and weakness feel like what they may mean and when they are harmless or need help fast",
"treatment.html": "treatment what works and what does not which treatments help numbness and pain from the neck or lower back which do not and their risks exercise physio medicines injections and surgery",
"urgent-help.html": "when to get help urgently the warning signs with numbness tingling or weakness that mean you need help now today or soon and what each sign means",
"what-to-do-now.html": "what should i do now a step by step check answer one question at a time to find out if you need help now today or soon or can look after it at home",
"where-is-it-numb.html": "where is it numb tap the part of the body that feels numb or tingly or choose it from a list to go to the part of this guide about it"
},
"first": {
"urgent-help.html": [
"999",
"a e",
"ambulance",
"between legs",
"bladder",
"both legs",
"bottom",
"bowel",
"bowels",
"bum",
"buttock",
"cauda equina",
"chest",
"cold pale",
"emergency",
"face drooping",
"fever",
"genitals",
"heart attack",
"help now",
"incontinence",
"mini stroke",
"pee",
"peeing",
"poo",
"private parts",
"red flag",
"saddle",
"slurred speech",
"soiled myself",
"stroke",
"sudden",
"suddenly",
"urgent",
"urgently",
"warning signs",
"wee",
"wet myself"
]
},
"pages": {
"appointment.html": [
"appointment",
"ask doctor",
"diary",
"fast test",
"neurologist",
"physiotherapist",
"questions doctor",
"symptom diary"
],
"cramps.html": [
"calf",
"charley horse",
"claudication",
"cramp",
"cramps",
"leg cramps",
"magnesium",
"muscle cramp",
"night cramps",
"quinine",
"spinal canal",
"tetanus"
],
"diagnosis.html": [
"blood test",
"ct scan",
"diagnosis",
"emg",
"examination",
"family doctor",
"hba1c",
"mri",
"mri scan",
"nerve conduction",
"nerve conduction study",
"scan",
"x ray"
],
"glossary.html": [
"glossary",
"meaning",
"what does the word mean"
],
"living-with-it.html": [
"desk",
"driving",
"exercises",
"fit note",
"lhermittes sign",
"pillow",
"posture",
"sleep",
"stretches",
"work"
],
"lower-back.html": [
"back pain",
"cauda equina syndrome",
"disc herniation",
"drop foot",
"foot drop",
"foot numb",
"l4",
"l5",
"leg gives way",
"leg numb",
"legs heavy walking",
"lower back",
"lumbar",
"s1",
"sciatic",
"sciatica",
"spinal stenosis",
"stenosis",
"toes numb"
],
"myths.html": [
"bone spur",
"crack",
"myth",
"myths",
"out of place",
"salt deposits",
"thoracic",
"trigeminal nerve",
"vertebrae"
],
"neck.html": [
"arm numb",
"c5",
"c6",
"c7",
"c8",
"cervical",
"clumsy",
"clumsy hands",
"electric shock",
"face numb",
"fingers numb",
"fingers tingling",
"hand numb",
"myelopathy",
"neck",
"radiculopathy",
"reflex",
"shoulder",
"thumb numb"
],
"other-causes.html": [
"acute limb ischaemia",
"alcohol",
"anaemia",
"b12",
"both feet",
"both hands",
"burning feet",
"carpal tunnel",
"carpal tunnel syndrome",
"deep vein thrombosis",
"diabetes",
"dvt",
"elbow",
"feet numb",
"fingers numb",
"fingers tingling",
"gbs",
"gp",
"guillain barr syndrome",
"hands numb night",
"laughing gas",
"ms",
"multiple sclerosis",
"nerve",
"neuropathy",
"nitrous oxide",
"over breathing",
"peripheral arterial disease",
"peripheral neuropathy",
"pernicious anaemia",
"raynaud",
"raynauds",
"shingles",
"thyroid",
"ulnar nerve",
"vitamin",
"vitamin b12",
"wrist"
],
"spine-and-nerves.html": [
"bony spur",
"bulging disc",
"degenerative disc disease",
"dermatome",
"disc",
"disc bulge",
"disc protrusion",
"nerve root",
"osteochondrosis",
"osteophyte",
"pinched nerve",
"sacrum",
"slipped disc",
"spinal cord",
"spine",
"spondylolisthesis",
"spondylosis",
"vertebra"
],
"symptoms.html": [
"burning",
"hyperventilation",
"numbness",
"paraesthesia",
"pins and needles",
"tia",
"tingling",
"weakness"
],
"treatment.html": [
"acupuncture",
"amitriptyline",
"anti inflammatory painkiller",
"cbt",
"chiropractor",
"co codamol",
"codeine",
"decompression",
"diclofenac",
"duloxetine",
"epidural",
"epidural steroid injection",
"gabapentin",
"gabapentinoid",
"ibuprofen",
"injection",
"interferential therapy",
"manipulation",
"manual therapy",
"medicine",
"mobilisation",
"naproxen",
"nortriptyline",
"nsaid",
"operation",
"opioid",
"osteopath",
"painkiller",
"paracetamol",
"pens",
"physio",
"physiotherapy",
"pregabalin",
"radiofrequency denervation",
"spinal fusion",
"surgery",
"tens",
"tramadol",
"treatment"
],
"urgent-help.html": [
"nhs 111",
"transient ischaemic attack"
],
"where-is-it-numb.html": [
"body map",
"body picture"
]
},
"same": [
[
"ibuprofen",
"nurofen",
"brufen",
"anadin joint pain"
],
[
"naproxen",
"naprosyn"
],
[
"diclofenac",
"voltarol",
"voltaren"
],
[
"gabapentin",
"neurontin"
],
[
"pregabalin",
"lyrica",
"alzain"
],
[
"amitriptyline",
"elavil"
],
[
"nortriptyline",
"allegron"
],
[
"duloxetine",
"cymbalta",
"yentreve"
],
[
"paracetamol",
"panadol",
"calpol",
"acetaminophen",
"tylenol"
],
[
"co codamol",
"cocodamol",
"codamol",
"solpadeine",
"tylex",
"zapain",
"codeine"
],
[
"tramadol",
"zydol"
],
[
"morphine",
"oramorph"
],
[
"nsaid",
"anti inflammatory",
"ibuprofen",
"naproxen",
"diclofenac"
],
[
"numb",
"numbness",
"numbed",
"cant feel",
"lost feeling",
"loss of feeling",
"dead"
],
[
"pins and needles",
"tingling",
"tingle",
"tingles",
"tingly",
"paraesthesia",
"prickling",
"prickly",
"buzzing"
],
[
"peeing",
"pee",
"wee",
"weeing",
"urine",
"urinate",
"bladder",
"incontinence"
],
[
"pooing",
"poo",
"poop",
"bowel",
"bowels"
],
[
"slipped disc",
"disc herniation",
"herniated disc",
"bulging disc",
"prolapsed disc"
],
[
"pinched nerve",
"trapped nerve",
"radiculopathy"
],
[
"backbone",
"spine"
],
[
"physio",
"physiotherapy",
"physiotherapist",
"physical therapy"
],
[
"painkiller",
"painkillers",
"pain killer",
"pain killers",
"pain relief",
"medicine",
"medicines",
"tablets",
"pills"
],
[
"bum",
"buttock",
"buttocks",
"bottom",
"backside",
"butt"
],
[
"foot",
"feet"
],
[
"toe",
"toes"
],
[
"weak",
"weakness"
],
[
"pain",
"ache",
"aching",
"hurts",
"hurting",
"sore"
],
[
"back pain",
"backache",
"bad back"
],
[
"cramp",
"cramps",
"spasm",
"spasms",
"charley horse"
],
[
"clumsy",
"dropping things",
"drop things",
"weak grip",
"butterfingers"
],
[
"electric shock",
"electric shocks",
"shocks",
"zaps",
"zapping"
],
[
"diabetes",
"diabetic",
"blood sugar"
],
[
"osteochondrosis",
"wear and tear",
"degeneration",
"degenerative"
],
[
"mini stroke",
"tia"
],
[
"a e",
"accident and emergency",
"casualty",
"emergency department"
],
[
"x ray",
"xray"
],
[
"a e",
"accident and emergency"
],
[
"bone spur",
"bony spur",
"osteophyte"
],
[
"cbt",
"cognitive behavioural therapy"
],
[
"cramp",
"muscle cramp"
],
[
"decompression surgery",
"decompression"
],
[
"deep vein thrombosis",
"dvt"
],
[
"degenerative disc disease",
"osteochondrosis",
"spondylosis"
],
[
"disc bulge",
"bulging disc"
],
[
"disc herniation",
"slipped disc",
"herniated disc",
"disc protrusion"
],
[
"emg",
"electromyography"
],
[
"epidural steroid injection",
"epidural injection"
],
[
"gabapentinoid",
"gabapentin",
"pregabalin"
],
[
"gp",
"family doctor"
],
[
"guillain barr syndrome",
"gbs"
],
[
"hyperventilation",
"over breathing"
],
[
"manual therapy",
"manipulation",
"mobilisation"
],
[
"mri scan",
"mri"
],
[
"multiple sclerosis",
"ms"
],
[
"nerve conduction study",
"nerve conduction studies"
],
[
"nitrous oxide",
"laughing gas"
],
[
"nsaid",
"anti inflammatory painkiller"
],
[
"paraesthesia",
"pins and needles"
],
[
"pens",
"percutaneous electrical nerve stimulation"
],
[
"peripheral neuropathy",
"neuropathy"
],
[
"physiotherapist",
"physio",
"physiotherapy"
],
[
"radiculopathy",
"pinched nerve"
],
[
"raynauds",
"raynauds phenomenon"
],
[
"spine",
"backbone"
],
[
"tia",
"transient ischaemic attack",
"mini stroke"
],
[
"vertebra",
"vertebrae"
]
],
"stop": {
"a": 1,
"able": 1,
"about": 1,
"across": 1,
"after": 1,
"all": 1,
"almost": 1,
"also": 1,
"am": 1,
"among": 1,
"an": 1,
"and": 1,
"any": 1,
"are": 1,
"as": 1,
"at": 1,
"be": 1,
"because": 1,
"been": 1,
"bit": 1,
"but": 1,
"by": 1,
"can": 1,
"cannot": 1,
"cant": 1,
"could": 1,
"dear": 1,
"did": 1,
"didnt": 1,
"do": 1,
"does": 1,
"doesnt": 1,
"dont": 1,
"either": 1,
"else": 1,
"ever": 1,
"every": 1,
"feel": 1,
"feels": 1,
"for": 1,
"from": 1,
"get": 1,
"getting": 1,
"go": 1,
"goes": 1,
"going": 1,
"gone": 1,
"got": 1,
"had": 1,
"has": 1,
"have": 1,
"he": 1,
"her": 1,
"hers": 1,
"him": 1,
"his": 1,
"how": 1,
"however": 1,
"i": 1,
"if": 1,
"im": 1,
"in": 1,
"into": 1,
"is": 1,
"isnt": 1,
"it": 1,
"its": 1,
"ive": 1,
"just": 1,
"keep": 1,
"keeps": 1,
"least": 1,
"let": 1,
"like": 1,
"likely": 1,
"lot": 1,
"may": 1,
"me": 1,
"might": 1,
"most": 1,
"much": 1,
"must": 1,
"my": 1,
"n": 1,
"neither": 1,
"no": 1,
"nor": 1,
"not": 1,
"of": 1,
"off": 1,
"often": 1,
"on": 1,
"one": 1,
"only": 1,
"or": 1,
"other": 1,
"our": 1,
"own": 1,
"please": 1,
"pls": 1,
"rather": 1,
"really": 1,
"said": 1,
"say": 1,
"says": 1,
"she": 1,
"should": 1,
"since": 1,
"so": 1,
"some": 1,
"than": 1,
"that": 1,
"the": 1,
"their": 1,
"them": 1,
"then": 1,
"there": 1,
"these": 1,
"they": 1,
"thing": 1,
"things": 1,
"this": 1,
"tis": 1,
"to": 1,
"too": 1,
"twas": 1,
"u": 1,
"ur": 1,
"us": 1,
"very": 1,
"wants": 1,
"was": 1,
"we": 1,
"were": 1,
"what": 1,
"when": 1,
"where": 1,
"which": 1,
"while": 1,
"who": 1,
"whom": 1,
"why": 1,
"will": 1,
"with": 1,
"wont": 1,
"would": 1,
"yet": 1,
"you": 1,
"your": 1
}
};
