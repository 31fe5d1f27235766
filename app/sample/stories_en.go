package sample

import "newsdesk/app"

// The people, companies and events in these stories are invented for
// Newsdesk's sample newsroom.

func stories() []story {
	var all []story
	all = append(all, newsEN()...)
	all = append(all, featuresEN()...)
	return append(all, storiesZH()...)
}

// newsEN is the English news desk: politics and law, the economy, business.
func newsEN() []story {
	return []story{
		{
			key:       "riders-court",
			headline:  "Court Says Delivery Riders Can Sue Platforms Directly Over Road Injuries",
			firstHead: "Court Lets Delivery Riders Sue Platforms",
			dek:       "A Hangzhou ruling cuts through the layers of subcontractors that have kept injured couriers from reaching the companies that dispatch them.",
			byline:    "Chen Yuxin, Daniel Hart and Liu Mengqi",
			section:   "Politics & Law",
			tags:      []string{"gig economy", "labor law", "courts", "delivery"},
			lateTag:   "Hangzhou",
			body: `A court in Hangzhou has ruled that a food delivery rider injured in a traffic accident can sue the platform that assigned his orders, rather than only the staffing agency that signed his contract, in a decision lawyers say could change how thousands of similar claims are handled.

The rider, a 34-year-old man surnamed Fang, broke his leg in a collision at a junction in the city's Gongshu district last spring while racing to meet a 28-minute delivery window. The agency that employed him on paper had been dissolved by the time he filed his claim, leaving him with nobody to pursue.

## A chain of contracts

Delivery platforms rarely hire riders themselves. Orders are dispatched by the app, but the riders are engaged by outsourcing firms, which in turn often rely on smaller subcontractors. When a rider is hurt, each layer points to the next.

The court said the platform's software set Fang's routes, his deadlines and the penalties for lateness, and that this degree of control made it responsible alongside the agency. It ordered the two to share compensation of about 180,000 yuan.

"The judgment looks at who actually directs the work, not at whose name is on the contract," said Zhou Lan, a labor lawyer in Hangzhou who was not involved in the case. "That is the question riders have been asking courts to answer for years."

The platform said it would study the ruling and had not decided whether to appeal.

Local officials are drafting rules on injury insurance for app-based workers, according to two people familiar with the discussions, who said the ruling would add pressure to finish them quickly.
`,
			edits: []edit{
				{"broke his leg in a colision at a junction", "broke his leg in a collision at a junction"},
				{"compensation of roughly 180,000 yuan", "compensation of about 180,000 yuan"},
				{"said Zhou Lan, a Hangzhou labor lawyer who", "said Zhou Lan, a labor lawyer in Hangzhou who"},
			},
			photos: []shot{{
				caption: "A delivery rider waits at a traffic light in Hangzhou.",
				credit:  "VCG", alt: "A rider in a yellow jacket on an electric scooter at a crossing",
			}},
			editor:   "Helen Zhou",
			outside:  []app.Related{{Headline: "Explainer: who insures app-based workers?", URL: "https://www.example.org/explainers/gig-insurance"}},
			readMore: "https://portal.newsdesk.example/politics-law/riders-court",
			status:   app.StatusPublished,
			language: "en",
			age:      hours(150),
		},
		{
			key:      "noise-rules",
			headline: "Jiangsu Lawmakers Weigh Curfew on Night-Time Construction Noise",
			dek:      "A draft would ban most building work between 10 p.m. and 6 a.m. near homes, with fines that rise for repeat offenders.",
			byline:   "Zhao Peng",
			section:  "Politics & Law",
			tags:     []string{"environment law", "noise", "Jiangsu", "housing"},
			body: `Lawmakers in Jiangsu province are considering a rule that would bar most construction work near residential buildings between 10 p.m. and 6 a.m., after complaints about night-time noise rose for the third year in a row.

The draft, released for public comment on Friday, would let contractors work through the night only with a permit, granted for pouring concrete and other jobs that cannot safely stop halfway. Permit holders would have to notify residents at least three days in advance and post the permit at the site gate.

Fines would start at 20,000 yuan and double for each repeat violation within a year, up to 200,000 yuan. Local environmental bureaus would be able to order a site to halt work for up to a week.

## Residents and builders split

Residents' groups in Nanjing and Suzhou have welcomed the proposal. "We have been woken up at 2 a.m. by pile drivers more times than I can count," said Xu Hong, who lives beside a metro construction site in Nanjing.

Contractors say the rule would push up costs and delay projects that already run on tight schedules. An industry association said daytime limits on heavy trucks leave builders little choice but to move materials at night.

The comment period runs for 30 days. A final version could be put to a vote before the end of the year.
`,
			edits: []edit{
				{"released for public comment Friday", "released for public comment on Friday"},
				{"Fines would begin at 20,000 yuan", "Fines would start at 20,000 yuan"},
				{"more times then I can count", "more times than I can count"},
			},
			photos: []shot{{
				caption: "Cranes over a residential district in Nanjing at dusk.",
				credit:  "Xinhua", alt: "Tower cranes above apartment blocks at sunset", jpeg: true,
			}},
			editor:   "Sarah Cole",
			related:  []string{"riders-court"},
			status:   app.StatusReady,
			language: "en",
			age:      hours(30),
		},
		{
			key:      "account-deletion",
			headline: "Draft Rules Would Make Apps Offer One-Step Account Deletion",
			dek:      "Users would be able to leave a service as easily as they joined it, and have their data erased within 15 working days.",
			byline:   "Liu Mengqi and Owen Price",
			section:  "Politics & Law",
			tags:     []string{"privacy", "regulation", "apps", "consumer rights"},
			body: `Mobile apps would have to let users close their accounts in a single step and erase their personal data within 15 working days under draft rules published by the internet regulator on Wednesday.

The proposal targets a common complaint: apps that make signing up take seconds but leave users hunting through menus, calling hotlines or uploading identity documents to leave. A consumer group in Guangdong that tested popular apps last year found that one in four had no working way to delete an account.

Under the draft, the deletion option must be no harder to find than the registration page, and apps may not ask for more information to delete an account than they collected to open it. Companies could keep data that other laws require them to hold, such as transaction records, but would have to tell users what they kept and for how long.

## Penalties

Apps that fail to comply could be removed from app stores after a warning. Repeat offenders would face fines of up to 1 million yuan.

"Leaving a service should be as easy as joining it," said Tang Wei, who teaches data law at a university in Beijing. "The hard part will be checking that data is really erased, not just hidden."

Industry groups have until the end of next month to submit comments on the draft.
`,
			edits: []edit{
				{"apps that make signing up take seconds, but leave users", "apps that make signing up take seconds but leave users"},
				{"the deletion button must be", "the deletion option must be"},
				{"teaches data law at a Beijing university", "teaches data law at a university in Beijing"},
				{"Industry groups have until the end of next month to submit comments.", "Industry groups have until the end of next month to submit comments on the draft."},
			},
			photos: []shot{{
				caption: "The account settings screen of a shopping app.",
				credit:  "Newsdesk staff", alt: "A phone showing a settings menu",
			}},
			editor:   "Helen Zhou",
			related:  []string{"noise-rules"},
			readMore: "https://portal.newsdesk.example/politics-law/account-deletion",
			status:   app.StatusScheduled,
			language: "en",
			age:      hours(20),
			slot:     slot{days: 1, hour: 7, minute: 30},
		},
		{
			key:      "mediation",
			headline: "Mediation Centers Clear Small Business Disputes in Weeks, Not Months",
			byline:   "Grace Lin",
			section:  "Politics & Law",
			tags:     []string{"courts", "mediation", "small business"},
			body: `Commercial mediation centers set up beside district courts in Shenzhen have resolved most of the contract disputes referred to them within six weeks, according to figures the centers shared with the newsdesk, far faster than a typical first-instance trial.

The centers handle claims under 500,000 yuan between small firms: unpaid invoices, late deliveries, broken leases. A judge screens each case, and if both sides agree, it goes to a panel of retired judges and industry specialists instead of a courtroom.

Owners who have used the service say speed matters more than winning everything. "I got 80% of what I was owed in a month," said Pan Rui, who runs a packaging company in Bao'an. "A lawsuit would have cost me a year."

Critics say the pressure to settle can fall hardest on the weaker side, usually the smaller supplier. Lawyers also note that mediated agreements are not published, so other firms cannot learn from them.

TODO: numbers from the court bureau; a second case study; reply from the lawyers' association.
`,
			edits: []edit{
				{"Owners who used the service", "Owners who have used the service"},
			},
			photos: []shot{{
				caption: "A mediation room next to a district court in Shenzhen.",
				credit:  "Newsdesk staff", alt: "A table with chairs on both sides in a bright room",
			}},
			editor:   "Sarah Cole",
			status:   app.StatusDraft,
			language: "en",
			age:      hours(5),
		},
		{
			key:      "factory-gauge",
			headline: "Factory Gauge Rises for Second Month as Export Orders Pick Up",
			source:   "Bloomberg",
			section:  "Economy",
			tags:     []string{"manufacturing", "PMI", "exports"},
			body: `(Bloomberg) — A private gauge of manufacturing activity rose for a second straight month, helped by a rebound in new export orders and firmer prices for finished goods, a sign that the industrial recovery is finding its feet.

The index, compiled from a survey of about 650 manufacturers, climbed to 51.2 from 50.6 the previous month. Readings above 50 signal expansion. Economists surveyed had expected 50.8.

New export orders grew at the fastest pace in almost a year, with electronics and machinery makers reporting more inquiries from Southeast Asia and the Middle East. Employment was broadly flat, as companies remained cautious about adding staff.

"The numbers point to a recovery that is broadening beyond a few sectors," said an economist at a bank in Hong Kong. "But firms are still reluctant to hire, which tells you how uncertain they feel about demand."

Input costs rose slightly, driven by copper and plastics, while factories were able to raise their own selling prices for the first time in four months.

The official manufacturing index, released on the same day, showed a smaller improvement.
`,
			edits: []edit{
				{"Readings above 50 indicate expansion.", "Readings above 50 signal expansion."},
				{"an economist at a Hong Kong-based bank", "an economist at a bank in Hong Kong"},
			},
			photos: []shot{{
				caption: "Workers assemble circuit boards at a factory in Dongguan.",
				credit:  "VCG", alt: "Rows of workers in blue smocks at an assembly line",
			}},
			editor:   "James Wu",
			status:   app.StatusPublished,
			language: "en",
			age:      hours(120),
		},
		{
			key:      "deposit-rates",
			headline: "Small Lenders Cut Deposit Rates Again to Protect Shrinking Margins",
			dek:      "Rural and city banks are paying savers less for the third time in a year.",
			byline:   "Sun Jiayi and Hu Tao",
			section:  "Economy",
			tags:     []string{"banking", "interest rates", "rural banks", "savings"},
			body: `Dozens of rural and city commercial banks have lowered the interest they pay on fixed-term deposits this month, the third round of cuts in a year, as thinner lending margins squeeze the smallest lenders hardest.

At least 40 banks in Henan, Shandong and Sichuan provinces announced cuts of 10 to 25 basis points on three- and five-year deposits, according to notices posted on their websites and reviewed by the newsdesk. Some have stopped offering five-year deposits altogether.

Small banks rely more heavily on deposits than their larger rivals, and they have had to pay more to attract savers. As loan rates have fallen, the gap between what they earn and what they pay has narrowed to levels that analysts say leave little room for bad loans.

## Savers look elsewhere

For savers, the cuts add to a long slide in returns. "My three-year deposit used to pay more than 3%. Now I am looking at something closer to 2%," said a retired teacher in Zhengzhou who asked to be identified only by her surname, Li.

Some savers are moving money into wealth management products and bond funds, which carry more risk. Regulators have warned banks not to market such products as if they were deposits.

Analysts expect more small lenders to follow, and some to merge. Several provinces have already combined rural banks into single provincial institutions over the past two years.
`,
			edits: []edit{
				{"the third round of cuts this year", "the third round of cuts in a year"},
				{"said a retired teacher in Zhengzhou, who asked", "said a retired teacher in Zhengzhou who asked"},
			},
			correction: &edit{"At least 45 banks", "At least 40 banks"},
			note:       "Correction: an earlier version of this story overstated the number of banks that cut rates. It is at least 40, not 45.",
			photos: []shot{{
				caption: "A rural bank branch in Henan province.",
				credit:  "VCG", alt: "The front of a small bank branch on a county street",
			}},
			editor:   "James Wu",
			related:  []string{"factory-gauge"},
			status:   app.StatusPublished,
			language: "en",
			age:      hours(100),
		},
		{
			key:      "services-spending",
			headline: "Households Spend More on Trips and Classes Than on Things",
			dek:      "Services outpaced goods for a third quarter as shoppers chose experiences over appliances.",
			byline:   "Ma Jun",
			section:  "Economy",
			tags:     []string{"consumption", "services", "household survey"},
			body: `Households spent more on services than on goods for the third quarter running, as outlays on travel, dining out, fitness and education grew faster than purchases of cars, appliances and clothing, according to a survey of urban and rural households.

Spending on services rose 9.4% from a year earlier, while goods spending grew 3.1%, the figures showed. Tourism and catering led the way, with train and flight bookings over public holidays at record highs.

The shift matters because policymakers want consumption to do more of the work of driving growth. Services also employ more people for each yuan spent than manufacturing does.

"People have furnished their homes and bought their cars. What they want now are experiences," said Gao Yuan, a consumer analyst in Shanghai. "But it is a cautious kind of spending: short trips, cheap classes, group-buy dinners."

Retailers of durable goods are feeling the difference. Sales of home appliances have slowed despite trade-in subsidies, and car dealers have cut prices to clear stock.

Economists caution that the survey over-represents cities, where services are easier to find, and that rural spending still leans heavily toward goods.
`,
			edits: []edit{
				{"Spending on services rose 9.4 percent", "Spending on services rose 9.4%"},
				{"goods spending grew 3.1 percent", "goods spending grew 3.1%"},
				{"employ more people per yuan spent", "employ more people for each yuan spent"},
				{"said Gao Yuan, a Shanghai consumer analyst", "said Gao Yuan, a consumer analyst in Shanghai"},
			},
			photos: []shot{{
				caption: "Travellers queue for trains at Shanghai Hongqiao station.",
				credit:  "VCG", alt: "A crowded station hall with departure boards",
			}},
			editor:   "Helen Zhou",
			related:  []string{"factory-gauge", "deposit-rates"},
			status:   app.StatusCopyedit,
			language: "en",
			age:      hours(9),
		},
		{
			key:      "parking-fees",
			headline: "Cash-Strapped Cities Turn to Parking Fees and Asset Sales",
			dek:      "With land sales down, local governments are selling decades of future income from streets and markets.",
			byline:   "Rebecca Shaw, Zhao Peng and Sun Jiayi",
			section:  "Economy",
			tags:     []string{"local government", "public finance", "parking"},
			body: `City governments that can no longer count on land sales are looking for money in unlikely places: parking spaces, advertising rights on bus shelters, and the leases of wholesale markets they have owned for decades.

In the past six months, at least a dozen cities have auctioned the right to run street parking for periods of up to 30 years, according to a review of public tender notices. One city in Hunan raised 1.2 billion yuan from a single parking concession, more than its land sales brought in over the same period.

## One-off money

Budget specialists warn that such deals solve this year's problem by giving away future income. "You can only sell a 30-year parking concession once," said Lin Qiao, who researches local finance at a think tank in Beijing. "After that, the revenue belongs to the company that bought it, and the city still has to pay its teachers."

Residents have also complained about higher fees once private operators take over. In one case, hourly parking charges near a hospital tripled within weeks of a concession being signed, prompting the city to cap them.

Finance officials say the sales are part of a broader effort to use state assets more efficiently and that contracts include limits on fee increases.

Provincial auditors have begun reviewing several deals to check whether the assets were sold at fair prices.
`,
			edits: []edit{
				{"at least 12 cities have auctioned", "at least a dozen cities have auctioned"},
				{"hourly parking charges next to a hospital", "hourly parking charges near a hospital"},
				{"Provincial auditors have started reviewing", "Provincial auditors have begun reviewing"},
			},
			photos: []shot{
				{caption: "Cars parked along a street in Changsha.", credit: "VCG", alt: "A row of parked cars under plane trees"},
				{caption: "A parking meter that takes payment by QR code.", credit: "Newsdesk staff", alt: "A grey meter with a printed QR code", jpeg: true},
			},
			editor:   "James Wu",
			related:  []string{"deposit-rates"},
			outside:  []app.Related{{Headline: "How local government budgets work", URL: "https://www.example.org/guides/local-budgets"}},
			status:   app.StatusScheduled,
			language: "en",
			age:      hours(26),
			slot:     slot{days: 2, hour: 8},
		},
		{
			key:      "hengtai-plant",
			headline: "Battery Maker Hengtai to Build Plant in Hungary as European Orders Grow",
			source:   "Reuters",
			section:  "Business & Tech",
			tags:     []string{"batteries", "electric vehicles", "Europe", "investment"},
			body: `(Reuters) — Chinese battery maker Hengtai Energy said on Tuesday it would invest 1.6 billion euros in a factory in eastern Hungary, its first outside Asia, as European carmakers order more of the cells used in cheaper electric vehicles.

The plant will have annual capacity of 20 gigawatt-hours when it reaches full output within four years and will employ about 1,800 people, the company said in a stock exchange filing.

Hengtai, which is based in the eastern province of Jiangsu, makes lithium iron phosphate cells, a chemistry that is cheaper and longer-lasting than the nickel-based cells long favoured in Europe, though it stores less energy for its weight.

"Being close to our customers cuts shipping costs and helps us meet local content rules," Chief Executive Shen Kai told analysts on a call.

Carmakers in Europe face growing pressure to buy parts made within the bloc, and several Asian battery makers have announced plants in Hungary, Spain and Germany in recent years.

Hengtai's shares rose 4.2% in Shenzhen after the announcement.
`,
			edits: []edit{
				{"Chief Executive Officer Shen Kai", "Chief Executive Shen Kai"},
			},
			photos: []shot{{
				caption: "Battery cells on a production line at a Hengtai plant in Changzhou.",
				credit:  "Reuters", alt: "Blue battery cells moving along a conveyor",
			}},
			editor:   "Sarah Cole",
			related:  []string{"factory-gauge"},
			status:   app.StatusPublished,
			language: "en",
			age:      hours(75),
		},
		{
			key:      "rural-rides",
			headline: "Ride-Hailing Startup Bets on County Towns the Giants Ignore",
			byline:   "Felix Wong",
			section:  "Business & Tech",
			tags:     []string{"ride-hailing", "startups", "rural China"},
			body: `A ride-hailing startup from Guizhou province is building its business in the places the big platforms have largely left alone: county towns and the villages around them, where a trip to the hospital or the high-speed rail station can take half a day by bus.

Xiangyun Mobility, founded three years ago, now operates in 46 counties across Guizhou and neighbouring Yunnan. Most of its drivers work part time, fitting trips around farming or small businesses of their own.

Fares are fixed by route rather than by distance and time, and passengers can book by phone call as well as through the app, a feature the company says matters for older users.

The company has raised two small rounds of funding from investors in Guiyang and says it breaks even in about half of its counties. Its founders, both from the region, argue that local knowledge counts for more than scale in places where every village road is different.

[Still needed: a driver's view; revenue figures; what the transport bureau says about licences for rural drivers.]
`,
			edits: []edit{
				{"founded 3 years ago", "founded three years ago"},
			},
			photos: []shot{{
				caption: "A Xiangyun driver waits for passengers outside a county hospital.",
				credit:  "Newsdesk staff", alt: "A white hatchback parked by a hospital gate",
			}},
			editor:   "James Wu",
			related:  []string{"hengtai-plant"},
			status:   app.StatusDraft,
			language: "en",
			age:      hours(3),
		},
	}
}
