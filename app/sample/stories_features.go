package sample

import "newsdesk/app"

// featuresEN is the rest of the English desk: technology, the environment,
// world news and opinion.
func featuresEN() []story {
	return []story{
		{
			key:      "ai-labels",
			headline: "Short-Video Apps Race to Label AI-Generated Clips Before Rules Take Effect",
			dek:      "Platforms want to show they can police synthetic content themselves. Spotting what users do not declare is the hard part.",
			byline:   "Owen Price, Grace Lin, Hu Tao, Amara Okoye and Ma Jun",
			section:  "Business & Tech",
			tags:     []string{"artificial intelligence", "platforms", "regulation", "short video"},
			lateTag:  "deepfakes",
			body: `The biggest short-video apps are rolling out labels for clips made or altered with artificial intelligence, weeks before rules requiring such labels come into force, as platforms try to show regulators they can police a flood of synthetic content themselves.

Users uploading videos are now asked whether AI tools were used, and clips flagged by the platforms' own detection systems carry a small tag reading "AI-generated" in the corner of the screen. Several apps also add an invisible watermark to the file so that the label survives when a clip is downloaded and shared elsewhere.

## Detection is the hard part

Engineers at two platforms, who asked not to be named because they were not authorized to speak to the media, said the detectors catch most fully synthetic videos but struggle with real footage that has been partly edited, such as a face swapped into a genuine clip.

"Labelling what people declare is easy. Labelling what they do not declare is where the work is," one of them said.

Creators have mixed feelings. Some fear that a label will cut their reach, since viewers may scroll past content marked as artificial. Others welcome a clear rule. "My audience knows I use AI for backgrounds," said a creator in Chengdu with 2 million followers. "A label just makes it official."

The rules also require AI service providers to keep logs of generated content for at least six months, a demand that smaller startups say will raise their storage costs.

Regulators have said platforms that fail to label content could have features suspended.
`,
			edits: []edit{
				{"a small tag saying \"AI-generated\"", "a small tag reading \"AI-generated\""},
				{"because they weren't authorized", "because they were not authorized"},
				{"a creator in Chengdu with two million followers", "a creator in Chengdu with 2 million followers"},
				{"a demand smaller startups say", "a demand that smaller startups say"},
			},
			photos: []shot{
				{caption: "A creator films a clip in a studio in Hangzhou.", credit: "VCG", alt: "A young woman speaking to a phone on a tripod under ring lights"},
				{caption: "An \"AI-generated\" tag in the corner of a video feed.", credit: "Newsdesk staff", alt: "Close-up of a phone screen with a small label", jpeg: true},
			},
			editor:   "Helen Zhou",
			related:  []string{"account-deletion"},
			readMore: "https://portal.newsdesk.example/business-tech/ai-labels",
			status:   app.StatusPublished,
			language: "en",
			age:      hours(54),
		},
		{
			key:      "drone-delivery",
			headline: "Food Delivery Platform Tests Drone Drop-Offs in Shenzhen Suburbs",
			byline:   "Amara Okoye",
			section:  "Business & Tech",
			tags:     []string{"drones", "delivery", "Shenzhen"},
			body: `A food delivery platform has begun testing drone drop-offs to residential compounds in Shenzhen's Longgang district, flying orders from a hub beside a shopping mall to landing lockers on the roofs of apartment buildings.

The company said in a statement that the drones carry up to 2.5 kilograms and fly a fixed route of about three kilometers, cutting delivery times at peak hours from around 30 minutes to under 15.

Residents in two compounds can choose drone delivery at checkout for an extra fee of 2 yuan. Orders are loaded by staff at the hub and collected from the lockers with a code sent by text message.

Shenzhen has become a testing ground for low-altitude delivery, with several operators allowed to fly cargo drones over parts of the city. Noise and privacy remain concerns for residents, and flights are suspended in rain and strong wind.

The company did not say how many flights it had made or when the service might expand.
`,
			edits: []edit{
				{"fly a fixed route of about 3 kilometers", "fly a fixed route of about three kilometers"},
			},
			note: "Killed: the company withdrew the trial announcement the same afternoon. Rewrite if the trial goes ahead.",
			photos: []shot{{
				caption: "A delivery drone over a residential compound in Longgang.",
				credit:  "VCG", alt: "A white quadcopter carrying a box above apartment towers",
			}},
			editor:   "Sarah Cole",
			related:  []string{"rural-rides"},
			status:   app.StatusKilled,
			language: "en",
			age:      hours(44),
		},
		{
			key:       "wetlands",
			headline:  "Yangtze River Towns Rebuild Wetlands to Hold Back Summer Floods",
			firstHead: "Towns Rebuild Wetlands Against Floods",
			dek:       "After decades of draining marshes for fields and factories, counties in Hubei are letting the water back in.",
			byline:    "Hu Tao, Chen Yuxin, Rebecca Shaw and Zhao Peng",
			section:   "Environment",
			tags:      []string{"flooding", "wetlands", "Yangtze", "climate adaptation"},
			lateTag:   "Hubei",
			body: `For decades, towns along the middle reaches of the Yangtze River drained their marshes to plant rice and build factories. Now some of them are paying to bring the water back.

In Jianli county, Hubei province, workers have breached old embankments to reconnect 3,200 hectares of former fish ponds and fields to a lake that floods each summer. The restored wetland is designed to soak up high water during the rainy season and release it slowly, easing pressure on dikes downstream.

"We used to fight the water everywhere," said Peng Li, an engineer with the county water bureau. "Now we choose where to let it in."

## Paying farmers to move

The project has required moving about 2,400 households, who received compensation and new homes in a settlement on higher ground. Some farmers have found work as wetland rangers or in fish farming that uses the seasonal floods. Others say the payments did not make up for the land they lost.

"The new flat is nice, but I was a farmer for 40 years," said Huang Guiying, 63. "What do I do here?"

Scientists say restored wetlands can cut flood peaks noticeably, but they are not a substitute for dikes. Their value depends on leaving enough room for the water, which is hard in a crowded river basin where every hectare has a use.

## Birds return

The wetlands have brought an unexpected benefit. Local birdwatchers counted more than 20,000 wintering birds on the lake this year, including several hundred swan geese.

The provincial government plans to restore similar areas in four more counties over the next five years, paid for partly by bonds and partly by a national river ecology program.
`,
			edits: []edit{
				{"drained there marshes", "drained their marshes"},
				{"an engineer at the county water bureau", "an engineer with the county water bureau"},
				{"which is difficult in a crowded river basin", "which is hard in a crowded river basin"},
				{"funded partly by bonds", "paid for partly by bonds"},
			},
			correction: &edit{"reconnect 32,000 hectares", "reconnect 3,200 hectares"},
			note:       "Correction: an earlier version of this story gave the restored area as 32,000 hectares. It is 3,200 hectares.",
			photos: []shot{
				{caption: "Reconnected channels on the edge of a lake in Jianli county, Hubei.", credit: "Xinhua", alt: "Water channels cutting through green fields"},
				{caption: "Swan geese over the restored wetland.", credit: "VCG", alt: "A flock of geese in flight over reeds", jpeg: true},
			},
			editor:   "Helen Zhou",
			outside:  []app.Related{{Headline: "What makes a wetland work as a sponge", URL: "https://www.example.org/science/wetland-sponges"}},
			readMore: "https://portal.newsdesk.example/environment/yangtze-wetlands",
			status:   app.StatusPublished,
			language: "en",
			age:      hours(200),
		},
		{
			key:      "cups-ban",
			headline: "Xiamen Bans Single-Use Cups in Government Canteens",
			byline:   "Sun Jiayi",
			section:  "Environment",
			tags:     []string{"plastic waste", "Xiamen", "recycling"},
			body: `Government offices in Xiamen will stop using disposable cups, plates and cutlery in their canteens and meeting rooms from next month, the city's ecology bureau said, as part of a push to cut plastic and paper waste.

Staff will be expected to bring their own cups or use washable ones supplied by their departments. Hotels hosting government meetings will also be asked not to provide bottled water, offering refillable jugs instead.

The rule covers about 1,100 public bodies, including schools and hospitals run by the city. The bureau estimated it would eliminate around 30 million single-use items a year.

Environmental groups welcomed the move but said its real test would be whether it spreads to restaurants and delivery orders, which produce far more waste. "Canteens are the easy part," said a volunteer with a beach clean-up group. "Takeaway containers are what we pick up on the sand every weekend."

The city said it would publish a list of offices that fail to comply.
`,
			edits: []edit{
				{"the city ecology bureau said", "the city's ecology bureau said"},
				{"The rule covers around 1,100 public bodies", "The rule covers about 1,100 public bodies"},
				{"but said it's real test", "but said its real test"},
			},
			photos: []shot{{
				caption: "Washable cups on a drying rack in a government canteen.",
				credit:  "Newsdesk staff", alt: "Rows of white mugs on a metal rack",
			}},
			editor:   "Sarah Cole",
			status:   app.StatusCopyedit,
			language: "en",
			age:      hours(7),
		},
		{
			key:      "carbon-explainer",
			headline: "Explainer: How the National Carbon Market Puts a Price on a Ton of CO2",
			dek:      "Who is covered, how allowances are handed out, and why the price matters.",
			byline:   "Daniel Hart",
			section:  "Environment",
			tags:     []string{"carbon market", "climate", "explainer", "energy"},
			body: `The national carbon market is the largest in the world by the amount of emissions it covers, yet many people have only a vague idea of how it works. Here is a short guide.

## What is traded?

Companies covered by the market receive allowances, each giving the right to emit one ton of carbon dioxide. If a company emits less than its allowances, it can sell the surplus; if it emits more, it must buy allowances from others or face penalties.

## Who is covered?

The market began with coal- and gas-fired power plants. It has since been extended to heavy industries such as steel and cement, and more sectors are expected to join in the coming years.

## How are allowances handed out?

So far, almost all allowances have been given away for free, based on how efficiently each plant produces a unit of electricity or output. A plant that is cleaner than the benchmark ends up with a surplus; a dirtier one runs short. This rewards efficiency, but it does not cap total emissions in the way a fixed national ceiling would.

## What does a ton cost?

Prices have stayed well below those in Europe's market. Trading is thin for much of the year and tends to spike before the annual compliance deadline, when companies settle their accounts.

## Why does it matter?

A carbon price that is high and predictable enough changes what companies build. Analysts say that will require tighter benchmarks over time and, eventually, selling some allowances at auction rather than giving them all away.
`,
			edits: []edit{
				{"each of which gives the right", "each giving the right"},
				{"it does not put a cap on total emissions", "it does not cap total emissions"},
				{"tends to spike before the annual compliance deadline.", "tends to spike before the annual compliance deadline, when companies settle their accounts."},
			},
			photos: []shot{{
				caption: "Cooling towers at a coal-fired power plant.",
				credit:  "VCG", alt: "Two cooling towers releasing steam against a grey sky",
			}},
			editor:   "James Wu",
			related:  []string{"wetlands"},
			status:   app.StatusScheduled,
			language: "en",
			age:      hours(50),
			slot:     slot{days: 1, hour: 10},
		},
		{
			key:      "solar-sheep",
			headline: "Sheep Graze Beneath Solar Panels in Inner Mongolia Pilot",
			byline:   "Liu Mengqi",
			section:  "Environment",
			tags:     []string{"solar power", "grassland", "Inner Mongolia"},
			body: `On a solar farm outside Ordos, the grass that grows between rows of panels is kept short not by mowers but by about 600 sheep.

The arrangement started as a way to cut maintenance costs and reduce the risk of fire. Herders who once struggled to find grazing land in the dry season now rent space under the panels, where the shade keeps the ground moist and the grass grows back faster.

"In summer the sheep go straight for the shade," said Bayar, a herder whose family has kept animals in the area for generations. "So do I."

The farm's operator says the panels produce slightly more power now that the grass no longer shades their lower edges, and that the herders pay a nominal rent.

Researchers at a university in Hohhot are measuring soil moisture and plant cover to see whether the effect holds over several years.

(Check the output figures with the operator; photo permission from Bayar's family.)
`,
			photos: []shot{{
				caption: "Sheep graze between solar panels near Ordos.",
				credit:  "Newsdesk staff", alt: "Sheep in the shade of long rows of solar panels",
			}},
			edits:    []edit{{"reduce fire risk", "reduce the risk of fire"}},
			editor:   "Helen Zhou",
			related:  []string{"carbon-explainer"},
			status:   app.StatusDraft,
			language: "en",
			age:      hours(12),
		},
		{
			key:      "tea-exhibition",
			headline: "London Exhibition Traces Two Centuries of the Tea Trade With China",
			dek:      "Ledgers, letters and porcelain ballast tell the story from both ends of the route.",
			byline:   "Nadia Petrova",
			section:  "World",
			tags:     []string{"culture", "London", "trade history", "museums"},
			body: `An exhibition opening this week in London tells the story of the tea trade between China and Britain through the objects it left behind: porcelain carried as ballast in the holds of sailing ships, merchants' letters, fake tea made from the leaves of other plants, and the ledgers of the city's auction rooms.

The show, at a small museum in the former docklands, follows the trade from the late 18th century, when tea was an expensive luxury, to the early 20th, when it had become an everyday drink and plantations in South Asia had overtaken Chinese exports.

Curators have paid particular attention to the people at both ends. Letters from Fujian tea merchants sit beside the diaries of British sailors, and a room on the opium trade makes clear how the tea was paid for.

"We wanted visitors to see tea as a global story, with its prices and its costs," said the curator, Eleanor Marsh. "It is a drink that connected families in the Wuyi mountains and in the East End."

Several objects are on loan from museums in Fuzhou and Hangzhou and have not been shown in Britain before.

The exhibition runs until the autumn, and entry is free.
`,
			edits: []edit{
				{"follows the trade from the late eighteenth century", "follows the trade from the late 18th century"},
				{"the people involved at both ends", "the people at both ends"},
				{"said the curator Eleanor Marsh", "said the curator, Eleanor Marsh"},
			},
			photos: []shot{{
				caption: "Tea chests and porcelain in the exhibition's first room.",
				credit:  "Newsdesk staff", alt: "Wooden chests with painted characters beside blue and white bowls",
			}},
			editor:   "Sarah Cole",
			outside:  []app.Related{{Headline: "A short history of the tea clippers", URL: "https://www.example.org/history/tea-clippers"}},
			status:   app.StatusPublished,
			zone:     "Europe/London",
			language: "en",
			age:      hours(31),
		},
		{
			key:       "students-return",
			headline:  "Chinese Students Trickle Back to US Campuses as Visa Waits Shorten",
			firstHead: "Chinese Students Return to US Campuses",
			byline:    "Marcus Reed and Grace Lin",
			section:   "World",
			tags:      []string{"education", "United States", "visas", "students"},
			body: `At a graduate orientation in Manhattan this week, Mandarin was a little easier to hear between sessions than a year ago. University officials in New York say applications from Chinese students have ticked up after several years of decline.

Students interviewed said shorter waits for visa appointments had made planning easier, though some still faced extra checks that delayed their arrival by weeks.

"I booked my interview, got the visa in ten days, and started packing," said Xu Ming, who is starting a master's degree in statistics. "My friends two years ago waited months."

Others remain wary. Families weigh tuition costs, safety and the job market against the value of a degree, and more students are choosing Britain, Australia, Hong Kong or Singapore instead, or staying home.

## Universities adapt

Universities have added Mandarin-language help lines and career advisers who specialize in finding internships for international students. Some have cut application fees.

An admissions officer at one New York university, who asked not to be named, said the rise was modest. "We are not back to where we were. But the direction has changed for the first time in a while."
`,
			edits: []edit{
				{"Mandarin was a little easier to hear between sessions then a year ago", "Mandarin was a little easier to hear between sessions than a year ago"},
				{"got the visa in 10 days", "got the visa in ten days"},
				{"who specialize in helping international students find internships", "who specialize in finding internships for international students"},
			},
			photos: []shot{{
				caption: "New graduate students at an orientation session in Manhattan.",
				credit:  "Reuters", alt: "Students seated in a lecture hall",
			}},
			editor:   "Helen Zhou",
			status:   app.StatusReady,
			zone:     "America/New_York",
			language: "en",
			age:      hours(16),
		},
		{
			key:      "bus-data",
			headline: "Opinion: Every City Should Publish Its Bus Data",
			byline:   "Kevin Yuen",
			section:  "Opinion",
			tags:     []string{"opinion", "transport", "open data", "cities"},
			body: `Ask anyone waiting at a bus stop what they want to know, and the answer is always the same: when is the bus coming? Most of our cities know the answer. Their buses carry GPS units that report positions every few seconds to a control room. They just do not tell us.

A handful of cities publish live bus positions in an open format that any developer can use. The results are predictable and good. Map apps show accurate arrival times, small teams build apps for people with poor sight, and researchers can see which routes are slow and why.

## The objections do not hold up

Officials usually raise three objections. The first is security: that publishing positions could help someone plan harm. But a bus is a large, brightly painted vehicle on a fixed route, and its position is visible to anyone standing on the street.

The second is cost. Publishing data that already exists is cheap compared with building and maintaining an official app that few people download.

The third is embarrassment. Open data shows when buses bunch together or skip stops. That is precisely why it should be published: problems that are visible get fixed.

## Start small

No city needs to build a grand platform. A simple feed, updated every 30 seconds, with stops, routes and timetables in a standard format, would be enough to start. Developers will do the rest.

Passengers pay for these buses. They should be able to see them.

*Kevin Yuen writes about cities and transport. The views expressed are his own.*
`,
			edits: []edit{
				{"The results are predictable, and good.", "The results are predictable and good."},
				{"That is exactly why it should be published", "That is precisely why it should be published"},
			},
			photos: []shot{{
				caption: "Passengers wait at a bus stop in Shanghai.",
				credit:  "VCG", alt: "People under a bus shelter looking down the road",
			}},
			editor:   "James Wu",
			outside:  []app.Related{{Headline: "A guide to public transit data feeds", URL: "https://www.example.org/guides/transit-feeds"}},
			status:   app.StatusPublished,
			language: "en",
			age:      hours(80),
		},
		{
			key:      "slow-rules",
			headline: "Opinion: Good Tech Rules Take Time, and That Is Fine",
			byline:   "Ruth Feng",
			section:  "Opinion",
			tags:     []string{"opinion", "regulation", "technology"},
			body: `Every few months, someone complains that regulators move too slowly on new technology. By the time a rule is written, the argument goes, the technology it governs has already changed. There is some truth in that. But speed is not the only virtue of a rule, and it is often not the most important one.

Good rules need evidence. Before anyone could write a sensible rule on ride-hailing, they needed to know how drivers actually worked, how many hours they drove, and what happened when they were injured. That knowledge took years to gather, much of it from court cases and surveys.

Good rules also need to be enforceable. A requirement that sounds strong but cannot be checked does more harm than good: it rewards companies willing to ignore it and punishes the ones that comply.

## Fast drafts, slow finals

There is a better model than rushing. Regulators can publish drafts early, invite comments from companies, workers and users, and then take the time to revise. Recent drafts on account deletion and on labels for AI-generated video show how much a text can improve after public comment.

What regulators should avoid is the opposite pattern: long silence followed by a sudden rule with a short deadline, which leaves companies scrambling and users confused.

Technology moves fast. Institutions that make rules for it should move deliberately, in public, and with their reasoning on the record.

*Ruth Feng teaches public policy. The views expressed are her own.*
`,
			edits: []edit{
				{"But speed isn't the only virtue", "But speed is not the only virtue"},
				{"That knowledge took years to collect", "That knowledge took years to gather"},
				{"it rewards companies willing to ignore it, and punishes", "it rewards companies willing to ignore it and punishes"},
				{"which leaves firms scrambling and users confused", "which leaves companies scrambling and users confused"},
			},
			editor:   "Sarah Cole",
			related:  []string{"account-deletion", "ai-labels"},
			status:   app.StatusCopyedit,
			language: "en",
			age:      hours(10),
		},
	}
}
