// Made by `python -m scripts.search_words` from docs/_data/search-words.yml, the glossary and page descriptions. Do not edit.
var __searchWords = {
"describe": {
"about.html": "about this guide who this guide is for how it is written and checked the evidence it uses and our promises on accessibility and privacy",
"appointment.html": "your appointment get ready to see your doctor about numbness or tingling what to bring questions to ask and a symptom diary you can print on one page",
"cramps.html": "muscle cramps why muscle cramps happen what helps why quinine and magnesium are not the answer and which calf pain is not a cramp and needs a doctor",
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
"where-is-it-numb.html": "where is it numb tap the part of the body that feels numb or tingly or choose it from a list to go to the part of this guide about it"
},
"pages": {
"appointment.html": [
"appointment",
"diary",
"fast test",
"neurologist",
"physiotherapist",
"questions for doctor",
"symptom diary",
"what to ask"
],
"cramps.html": [
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
"a e",
"back pain",
"cauda equina syndrome",
"disc herniation",
"drop foot",
"foot drop",
"foot numb",
"l4",
"l5",
"leg numb",
"legs heavy when walking",
"lower back",
"lumbar",
"numb foot",
"numb leg",
"numb toes",
"s1",
"sciatic",
"sciatica",
"spinal stenosis",
"stenosis"
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
"clumsy hands",
"face",
"hand numb",
"myelopathy",
"neck",
"numb arm",
"numb fingers",
"numb hand",
"numb thumb",
"radiculopathy",
"reflex",
"shoulder"
],
"other-causes.html": [
"acute limb ischaemia",
"alcohol",
"anaemia",
"b12",
"both feet",
"both hands",
"carpal tunnel",
"carpal tunnel syndrome",
"deep vein thrombosis",
"diabetes",
"dvt",
"elbow",
"gbs",
"gp",
"guillain barr syndrome",
"hyperventilation",
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
"mini stroke",
"numbness",
"paraesthesia",
"pins and needles",
"tia",
"tingling",
"weakness",
"what does it mean"
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
"exercise",
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
"ambulance",
"between my legs",
"bladder control",
"both legs weak",
"bottom numb",
"call 999",
"cannot control bladder",
"cant control bladder",
"cant pee",
"chest pain",
"cold pale leg",
"emergency",
"face drooping",
"face numb suddenly",
"fever",
"genitals",
"heart attack",
"help now",
"incontinence",
"left arm",
"lost control",
"nhs 111",
"numb between legs",
"private parts",
"red flag",
"saddle",
"slurred speech",
"stroke",
"sudden",
"suddenly",
"transient ischaemic attack",
"urgent",
"warning signs",
"wet myself"
],
"where-is-it-numb.html": [
"body map",
"body picture",
"where is it numb"
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
"pins and needles",
"tingling",
"tingle",
"paraesthesia"
],
[
"peeing",
"pee",
"wee",
"urine",
"bladder"
],
[
"pooing",
"poo",
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
"physiotherapist"
],
[
"numb",
"numbness"
],
[
"painkiller",
"painkillers",
"medicine",
"medicines"
],
[
"bum",
"buttock",
"buttocks",
"bottom"
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
]
};
