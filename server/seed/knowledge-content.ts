/**
 * The default policy knowledge (zh-CN and en): what villagers ask about 防止返贫监测帮扶, in
 * plain words. Loaded with the demo county and, in production, when a database has none yet;
 * the county office edits it through /api/faqs and /api/policies.
 *
 * No figure is written here: the income line, the documents per cause and the time limits are
 * placeholders filled from configuration when the answer is given (flows/faq/placeholders.ts).
 */

export type Text = { title: string; body: string };
export type FaqText = { question: string; synonyms: string[]; keywords: string[]; answer: string };

export type ArticleSeed = { key: string; tags: string[]; 'zh-CN': Text; en: Text };
export type FaqSeed = { key: string; article?: string; 'zh-CN': FaqText; en: FaqText };

export const ARTICLES: ArticleSeed[] = [
  {
    key: 'monitoring-scope',
    tags: ['监测', '标准', 'scope'],
    'zh-CN': {
      title: '防止返贫监测：谁会被监测，标准是多少',
      body: [
        '一、监测对象',
        '防止返贫动态监测不事先确定具体对象，只设认定条件，入户核查收入。脱贫户和一般农户都在范围内，重点关注因病、因残、因灾、因学、务工就业不稳、产业失败、突发意外等，刚性支出明显超过收入或收入大幅减少的家庭。',
        '二、收入标准',
        '{{incomeLine}}',
        '家庭人均纯收入不高于这个标准的，纳入监测范围。收入高于标准，但家里确实没有稳定收入来源，而且支出明显高于收入的，也纳入防返贫范围。标准每年由省里调整，以当年公布的为准。',
        '三、两种发现方式',
        '1. 自己申请（自下而上）：农户在这里或向村委会申请，村、镇、县逐级审核；',
        '2. 部门监测（自上而下）：医保、民政、应急管理、教育等部门定期推送支出大、风险高的家庭，县里筛查后入户核实。',
        '四、认定以后',
        '根据家里的情况落实帮扶措施，风险消除后按程序退出监测。',
      ].join('\n'),
    },
    en: {
      title: 'Monitoring for relapse into poverty: who is monitored, and the income line',
      body: [
        '1. Who is monitored',
        'Nobody is picked in advance: there are conditions, and income is checked at home. Both households lifted out of poverty and ordinary farming households are covered, especially those whose rigid spending clearly exceeds their income, or whose income fell sharply, because of illness, disability, disaster, schooling, unstable work, a failed business or an accident.',
        '2. The income line',
        '{{incomeLine}}',
        'Households whose net income per person is at or below this line are monitored. A household above it is covered too when it truly has no stable income and its spending clearly exceeds its income. The province resets the line every year; the figure published for the year applies.',
        '3. Two ways in',
        'a) Self-application (bottom-up): the household applies here or at the village committee; village, town and county review it in turn;',
        'b) Department alerts (top-down): medical insurance, civil affairs, emergency management and education offices regularly report households with high spending or risk; the county screens them and checks at home.',
        '4. After identification',
        'Assistance measures are put in place according to the household\'s situation; once the risk is gone the household leaves monitoring by the same procedure.',
      ].join('\n'),
    },
  },
  {
    key: 'household-categories',
    tags: ['三类户', 'categories'],
    'zh-CN': {
      title: '监测对象的三种类型',
      body: [
        '1. 脱贫不稳定户：已经脱贫，但产业、就业不稳，收入不稳定，有返贫风险的户。',
        '2. 边缘易致贫户：没有建档立卡，但收入在标准附近，一遇到大病、灾害等变故就容易陷入贫困的户。',
        '3. 突发严重困难户：因为大病、重残、灾害、意外事故等，开支突然大增或收入大幅减少，基本生活出现严重困难的户。',
        '属于哪一类，由入户核查、村级评议和县里审核后认定。申请时不用自己判断属于哪一类。',
      ].join('\n'),
    },
    en: {
      title: 'The three kinds of monitored households',
      body: [
        '1. Unstable lifted households (脱贫不稳定户): lifted out of poverty, but with unstable work, business or income, at risk of falling back.',
        '2. Marginal households at risk (边缘易致贫户): never registered as poor, but with an income near the line, easily pushed into poverty by an illness or a disaster.',
        '3. Households in sudden severe hardship (突发严重困难户): a serious illness, disability, disaster or accident suddenly raised their spending or cut their income, and their basic living is in serious difficulty.',
        'Which kind a household is, is decided after the home visit, the village assessment and the county review. You do not need to decide it yourself when you apply.',
      ].join('\n'),
    },
  },
  {
    key: 'self-application',
    tags: ['申请', '流程', '时限', 'process'],
    'zh-CN': {
      title: '自己申请的步骤和时限',
      body: [
        '一、怎么申请',
        '在防贫助手里回复“菜单”再回复 1，按提示回答问题、拍照发材料，核对后提交。也可以到村委会，请村干部帮忙申请。申请免费，不用找关系。',
        '二、提交以后',
        '依次是：{{limits.steps}}。',
        '县审核时安排入户核查，核查人员可能是保险公司的；公示只在本村。公示结束后县里审批，落实帮扶措施和资金。',
        '从提交到认定，一般{{limits.total}}左右。每到一步，都会发消息告诉您；超过时限，系统会提醒干部办理。',
        '三、查进度和撤回',
        '回复“查询”看进度；看不懂通知，回复“什么意思”。审核结束前不想申请了，回复“撤回”。',
      ].join('\n'),
    },
    en: {
      title: 'Applying yourself: the steps and time limits',
      body: [
        '1. How to apply',
        'In this chat, reply "menu" and then 1, answer the questions one by one, send photos of your papers, check and submit. Or go to the village committee and ask a cadre to apply with you. Applying is free and needs no connections.',
        '2. After you submit',
        'In order: {{limits.steps}}.',
        'The county review arranges the home visit, whose verifier may be from an insurance company; the public notice is in your village only. After it, the county approves the assistance measures and payment.',
        'From submission to decision it usually takes about {{limits.total}}. You are told at every step; when a step is late, the cadres are reminded.',
        '3. Progress and withdrawing',
        'Reply "status" to see where it is; reply "what does this mean" if a notice is unclear. Reply "withdraw" to withdraw before the review ends.',
      ].join('\n'),
    },
  },
  {
    key: 'documents',
    tags: ['材料', 'documents'],
    'zh-CN': {
      title: '申请要准备的材料',
      body: [
        '按申请原因准备：',
        '{{documents}}',
        '另外要有申请人的身份证号和手机号。',
        '材料在申请过程中拍照发送就行，可以发多张；一时没有的可以先跳过，以后再补。发票丢了可以找医院打印结算清单；出院小结可以到医院病案室复印。',
        '医保报销以后还可以申请：看的是报销以后自己负担的部分（自付费用）。申请时会问总费用和已经报销的金额。',
      ].join('\n'),
    },
    en: {
      title: 'The papers to prepare',
      body: [
        'Depending on why you apply:',
        '{{documents}}',
        'You also need the applicant\'s ID number and mobile number.',
        'Send photos of the papers while you apply, several if you like; skip what you do not have yet and send it later. A lost invoice can be reprinted as a settlement list by the hospital; a discharge summary can be copied at the hospital\'s records office.',
        'You can still apply after medical insurance has reimbursed part of the bill: what counts is what your family paid itself. You will be asked for the total and the amount reimbursed.',
      ].join('\n'),
    },
  },
  {
    key: 'privacy',
    tags: ['授权', '隐私', 'privacy'],
    'zh-CN': {
      title: '承诺授权和个人信息保护',
      body: [
        '一、承诺授权',
        '认定要核实家里的真实收入和财产（存款、车辆、房产、社保、工商登记等）。户主要承诺填写的都是真实情况，并授权政府部门和受委托的保险公司查询核实。不同意授权，申请就不能提交。',
        '二、收集哪些信息',
        '申请人的姓名、身份证号、手机号，家庭人口和收入，看病、受灾或上学的情况和花费，以及您发的材料照片。',
        '三、谁能看到',
        '只有负责审核的村、镇、县干部和入户核查人员能看到，只用于这次帮扶。',
        '四、不会公开什么',
        '通知、工作群消息和公示，都不会出现身份证号、电话、银行卡号和病情等健康信息。系统日志也不记录这些信息。',
      ].join('\n'),
    },
    en: {
      title: 'Commitment and authorisation, and your personal information',
      body: [
        '1. Commitment and authorisation',
        'To decide, the household\'s real income and assets (savings, vehicles, housing, social insurance, business registrations) must be checked. The head of household promises the answers are true and authorises government offices and the insurance company working for them to check. Without this authorisation the application cannot be submitted.',
        '2. What is collected',
        'The applicant\'s name, ID number and mobile number, household size and income, the illness, disaster or schooling and its costs, and the photos you send.',
        '3. Who sees it',
        'Only the village, town and county cadres who review it and the home-visit verifier, and only for this application.',
        '4. What is never shown',
        'Notices, work-group messages and public notices never show ID numbers, phone numbers, bank accounts or health details. The system\'s logs do not record them either.',
      ].join('\n'),
    },
  },
  {
    key: 'publicity-and-recheck',
    tags: ['公示', '复核', 'notice'],
    'zh-CN': {
      title: '公示和复核',
      body: [
        '一、公示',
        '村级评议通过后，在本村公示至少{{publicityDays}}，让群众监督，确保公平。公示只写户主姓名、帮扶类别等，不写身份证号、电话和病情。公示期间有人提出异议，村里会核实处理；没有异议就进入审批。',
        '二、复核',
        '收到“不予认定”的通知，觉得不对的，可以申请复核：回复“人工”请村干部联系您，或到村委会、镇里说明情况，带上新的证明材料。县里会重新核实。',
        '家里情况有了新变化（又生病住院、又受灾），也可以重新申请。',
      ].join('\n'),
    },
    en: {
      title: 'Public notice and re-check',
      body: [
        '1. Public notice',
        'After the village assessment, the result is posted in your village for at least {{publicityDays}} so that everyone can see it is fair. It shows only the head of household\'s name and the kind of assistance — never ID numbers, phone numbers or illnesses. An objection raised during the notice is checked by the village; without objections the case goes on to approval.',
        '2. Re-check',
        'If you are told your household was not identified and you think that is wrong, ask for a re-check: reply "human" and a village cadre will contact you, or go to the village committee or the town, with any new papers. The county checks again.',
        'If something new happens (another illness, another disaster), you can also apply again.',
      ].join('\n'),
    },
  },
  {
    key: 'green-channel',
    tags: ['绿色通道', 'urgent'],
    'zh-CN': {
      title: '绿色通道：急事先帮扶',
      body: [
        '遇到突发大病、重大灾害、意外事故，家里基本生活马上难以为继的，可以走绿色通道：县里先落实帮扶，再补办认定手续。',
        '情况紧急，请马上回复“人工”，或者直接找村干部、镇里说明情况。申请时也会照常记录，不耽误正常审核。',
      ].join('\n'),
    },
    en: {
      title: 'The green channel: urgent help first',
      body: [
        'When a sudden serious illness, a major disaster or an accident leaves a household unable to get by, the county can help first and complete the paperwork afterwards.',
        'If it is urgent, reply "human" right away, or tell the village cadres or the town directly. Your application is still recorded and reviewed as usual.',
      ].join('\n'),
    },
  },
  {
    key: 'assistance-measures',
    tags: ['帮扶措施', 'measures'],
    'zh-CN': {
      title: '帮扶措施有哪些',
      body: [
        '认定以后，县里根据家里的风险和困难，落实一项或几项帮扶：',
        '低保、临时救助、医疗救助、教育资助、防贫保险金、公益性岗位、产业奖补、危房改造等。',
        '帮扶金额没有统一的数目，按核实的收入、自己负担的开支和困难程度确定，批准时会告诉您。资金按规定发放到户，发放后会通知您。',
      ].join('\n'),
    },
    en: {
      title: 'Kinds of assistance',
      body: [
        'Once identified, the county puts in place one or more kinds of help according to the household\'s risk and hardship:',
        'subsistence allowance (dibao), temporary relief, medical aid, education aid, anti-poverty insurance payouts, public-service jobs, farming or business subsidies, repair of unsafe housing.',
        'There is no fixed amount: it depends on the verified income, what the household paid itself and how hard things are, and you are told when it is approved. Money is paid to the household as the rules say, and you are told when it is paid.',
      ].join('\n'),
    },
  },
];

export const FAQS: FaqSeed[] = [
  {
    key: 'income-line',
    article: 'monitoring-scope',
    'zh-CN': {
      question: '监测标准是多少？',
      synonyms: ['标准是多少', '收入标准是多少', '收入线是多少', '防返贫的标准是多少', '监测线多少钱', '人均收入多少能申请', '收入多少算困难户', '家里收入多少才能申请', '家里几口人收入多少能申请', '今年的标准是多少', '多少钱以下可以申请', '我们村的标准是多少', '贫困线是多少'],
      keywords: ['标准', '监测标准', '收入标准', '收入线', '监测线', '标准线', '贫困线', '人均纯收入'],
      answer: '{{incomeLine}}\n家庭人均纯收入不高于这个标准的，可以申请。收入高于标准，但没有稳定收入，看病、受灾、上学花钱明显超过收入的，也可以申请。',
    },
    en: {
      question: 'What is the income line?',
      synonyms: ['what is the monitoring line', 'how much income can we have', 'income threshold', 'what is the poverty line', 'income limit to apply', 'how low must our income be', 'what is the standard this year', 'income line for my village', 'what is the line'],
      keywords: ['income line', 'monitoring line', 'threshold', 'poverty line', 'income limit', 'income standard'],
      answer: '{{incomeLine}}\nHouseholds whose net income per person is at or below this line can apply. A household above it can still apply when it has no stable income and its medical, disaster or school costs clearly exceed its income.',
    },
  },
  {
    key: 'above-line',
    article: 'monitoring-scope',
    'zh-CN': {
      question: '收入超过标准还能申请吗？',
      synonyms: ['收入高于标准能不能申请', '超过标准一点还能申请吗', '收入超了怎么办', '家里有收入但花钱多能申请吗', '收入不低但看病花了很多钱', '比标准高一点可以吗', '不是贫困户能申请吗', '一般户能申请吗', '没有建档立卡能申请吗'],
      keywords: ['超过标准', '高于标准', '收入超了', '一般户', '非贫困户', '不是贫困户'],
      answer: '可以申请。{{incomeLine}}\n收入高于这个标准，但家里没有稳定收入，而且看病、受灾、上学等刚性支出明显超过收入的，也可以申请。脱贫户和一般农户都可以申请，最后是否认定由核查和审核决定。',
    },
    en: {
      question: 'Can we apply if our income is above the line?',
      synonyms: ['income above the line', 'we earn a bit more than the line', 'our income is too high can we still apply', 'not a poor household can we apply', 'ordinary household can apply', 'we were never registered as poor', 'above the threshold still apply'],
      keywords: ['above the line', 'above the threshold', 'income too high', 'ordinary household', 'not poor'],
      answer: 'Yes, you can apply. {{incomeLine}}\nA household above the line can still apply when it has no stable income and its rigid costs — medical bills, disaster losses, school fees — clearly exceed its income. Households lifted out of poverty and ordinary households can both apply; the home visit and the reviews decide.',
    },
  },
  {
    key: 'who-can-apply',
    article: 'monitoring-scope',
    'zh-CN': {
      question: '哪些人可以申请防返贫帮扶？',
      synonyms: ['谁可以申请', '什么人能申请', '我能不能申请', '监测对象是哪些人', '哪些家庭会被监测', '申请条件是什么', '符合什么条件可以申请', '啥条件能申请', '我家够条件吗', '防返贫监测对象是什么', '什么情况可以申请帮扶'],
      keywords: ['监测对象', '申请条件', '条件', '符合条件', '谁能申请', '监测范围'],
      answer: '家里因为生病、受灾、孩子上学等，花钱多、收入少，有返贫或致贫风险的农户，都可以申请，脱贫户和一般农户都可以。\n{{incomeLine}}\n主要看两点：家庭人均纯收入是不是不高于标准；或者自己负担的医疗费、受灾损失、上学费用是不是明显超过收入。',
    },
    en: {
      question: 'Who can apply for assistance?',
      synonyms: ['who is eligible', 'can i apply', 'am i eligible', 'who is monitored', 'what are the conditions to apply', 'eligibility', 'does my family qualify', 'who qualifies for help', 'requirements to apply'],
      keywords: ['eligible', 'eligibility', 'qualify', 'conditions', 'requirements', 'who can apply'],
      answer: 'Any farming household whose illness, disaster or schooling costs are high and income low, at risk of falling (back) into poverty, can apply — households lifted out of poverty and ordinary households alike.\n{{incomeLine}}\nTwo things count: whether net income per person is at or below the line, or whether what you pay yourself for medical bills, disaster losses or school clearly exceeds your income.',
    },
  },
  {
    key: 'household-categories',
    article: 'household-categories',
    'zh-CN': {
      question: '三类户是什么？',
      synonyms: ['监测户分哪几类', '脱贫不稳定户是什么意思', '边缘易致贫户是什么', '突发严重困难户是什么', '三类监测对象', '我家算哪一类户', '什么叫边缘户', '监测户有几种', '三类人群是什么'],
      keywords: ['三类户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '边缘户', '监测户', '三类', '类别'],
      answer: '监测对象分三类：\n1. 脱贫不稳定户：已经脱贫，但收入不稳定，有返贫风险；\n2. 边缘易致贫户：没有建档立卡，但收入低，一遇变故就容易陷入贫困；\n3. 突发严重困难户：因为大病、灾害、意外，开支突然大增或收入大减，生活严重困难。\n属于哪一类，审核后认定，申请时不用自己判断。',
    },
    en: {
      question: 'What are the three kinds of monitored households?',
      synonyms: ['three categories', 'household categories', 'what is an unstable lifted household', 'what is a marginal household', 'what is sudden severe hardship', 'which category is my family', 'kinds of monitored households', 'types of households'],
      keywords: ['category', 'categories', 'marginal household', 'unstable household', 'sudden hardship', 'kinds of households'],
      answer: 'Monitored households are of three kinds:\n1. Unstable lifted households: lifted out of poverty but with unstable income, at risk of falling back;\n2. Marginal households at risk: never registered as poor, but with low income, easily pushed into poverty;\n3. Households in sudden severe hardship: an illness, disaster or accident suddenly raised costs or cut income.\nThe kind is decided after review; you do not need to choose it when you apply.',
    },
  },
  {
    key: 'risk-causes',
    article: 'monitoring-scope',
    'zh-CN': {
      question: '什么情况算有返贫风险？',
      synonyms: ['哪些情况能申请', '因病可以申请吗', '受灾可以申请吗', '孩子上学花钱多能申请吗', '孩子读书花了很多钱能申请吗', '家里有人残疾能申请吗', '没有工作收入少能申请吗', '生意失败了能申请吗', '出了意外能申请吗', '风险类型有哪些', '因为什么原因可以申请'],
      keywords: ['返贫风险', '致贫风险', '风险', '因病', '因灾', '因学', '因残', '意外', '车祸', '残疾', '没工作', '生意亏了', '亏本', '产业失败', '失业', '没活干'],
      answer: '常见的风险有：大病、残疾、孩子上学、自然灾害、务工就业不稳、产业失败、突发意外事故等。\n在这里可以直接申请的有三种：因病（家里有人生病住院）、因灾（房子、庄稼受灾）、因学（孩子上学费用高）。其他情况请回复“人工”，村干部会帮您登记。',
    },
    en: {
      question: 'What counts as a risk of falling into poverty?',
      synonyms: ['which situations can apply', 'can i apply for illness', 'can i apply after a disaster', 'school costs are high can we apply', 'disability can we apply', 'lost my job can i apply', 'business failed can i apply', 'had an accident can i apply', 'what risks count'],
      keywords: ['risk', 'risks', 'illness', 'disaster', 'schooling', 'disability', 'accident', 'lost job'],
      answer: 'Common risks are serious illness, disability, schooling costs, natural disasters, unstable work, a failed business and accidents.\nHere you can apply directly for three: illness (someone in hospital), disaster (house or crops damaged) and schooling (high school costs). For anything else reply "human" and a village cadre will register it.',
    },
  },
  {
    key: 'how-to-apply',
    article: 'self-application',
    'zh-CN': {
      question: '怎么申请？',
      synonyms: ['怎么申请帮扶', '家里有困难怎么办', '申请流程是什么', '在哪里申请', '要去哪里办', '办理步骤是什么', '我想申请怎么弄', '可以在手机上申请吗', '要不要去村委会', '自己怎么申报', '怎么报名', '申请要走哪些程序'],
      keywords: ['申请流程', '流程', '步骤', '程序', '怎么申请', '在哪申请', '申报', '自主申报', '报名'],
      answer: '在这里就能申请：回复“菜单”再回复 1，按提示一步步回答，拍照发材料就行。\n提交以后：村委会初审 → 镇审核 → 县审核 → 入户核查 → 村级评议和公示 → 审批 → 发放。每到一步都会发消息告诉您。\n不会用手机，也可以找村干部帮忙申请。',
    },
    en: {
      question: 'How do I apply?',
      synonyms: ['how to apply', 'what is the procedure', 'where do i apply', 'what are the steps', 'can i apply on my phone', 'do i need to go to the village committee', 'application process', 'how to register'],
      keywords: ['apply', 'procedure', 'process', 'steps', 'how to apply', 'register'],
      answer: 'You can apply right here: reply "menu" and then 1, answer the questions one by one and send photos of your papers.\nAfter you submit: village first review → town review → county review → home visit → village assessment and public notice → approval → payment. You are told at every step.\nIf you cannot use the phone, a village cadre can apply with you.',
    },
  },
  {
    key: 'how-long',
    article: 'self-application',
    'zh-CN': {
      question: '多久能有结果？',
      synonyms: ['要多长时间', '几天能办好', '审核要多久', '什么时候有结果', '多久能批下来', '申请了多久能拿到钱', '怎么这么慢', '等了好久还没消息', '时限是多少天', '多少天能办完'],
      keywords: ['多久', '几天', '时间', '时限', '多长时间', '什么时候', '太慢', '期限'],
      answer: '从提交到认定，一般{{limits.total}}左右办完。\n其中：{{limits.steps}}。\n超过时限，系统会提醒干部办理。想看进度回复“查询”。',
    },
    en: {
      question: 'How long does it take?',
      synonyms: ['how long will it take', 'when will i know', 'how many days', 'when do i get the result', 'how long is the review', 'it is taking too long', 'still no news', 'what are the time limits', 'when will the money come'],
      keywords: ['how long', 'days', 'time limit', 'when', 'too slow', 'deadline'],
      answer: 'From submission to decision it usually takes about {{limits.total}}.\nThe steps: {{limits.steps}}.\nWhen a step is late, the cadres are reminded. Reply "status" to see where yours is.',
    },
  },
  {
    key: 'documents',
    article: 'documents',
    'zh-CN': {
      question: '申请要准备什么材料？',
      synonyms: ['要什么材料', '需要哪些材料', '需要带什么资料', '要带什么证件', '材料清单', '要交哪些资料', '需要什么证明', '材料有哪些', '要准备啥', '申请需要什么'],
      keywords: ['材料', '资料', '证明', '证件', '清单', '准备材料'],
      answer: '要准备的材料，按申请原因不同：\n{{documents}}\n另外要有申请人的身份证号和手机号。材料在申请时拍照发过来就行，没有的可以先跳过，以后再补。',
    },
    en: {
      question: 'What papers do I need?',
      synonyms: ['what documents do i need', 'which documents', 'list of documents', 'what should i prepare', 'what proof is needed', 'required documents', 'what papers to bring'],
      keywords: ['documents', 'papers', 'proof', 'prepare', 'paperwork'],
      answer: 'It depends on why you apply:\n{{documents}}\nYou also need the applicant\'s ID number and mobile number. Send photos while you apply; skip what you do not have yet and send it later.',
    },
  },
  {
    key: 'documents-illness',
    article: 'documents',
    'zh-CN': {
      question: '因病申请要什么材料？',
      synonyms: ['生病要准备什么材料', '生病要什么证明', '住院了要交什么', '看病的要哪些证明', '因病需要什么资料', '医药费要什么单子', '要发票吗', '出院小结要不要', '大病申请材料', '生病申请要带什么'],
      keywords: ['因病材料', '住院材料', '发票', '结算单', '出院小结', '病历', '医疗材料', '住院', '生病', '看病'],
      answer: '因病申请要准备：{{documents.illness}}。\n在申请过程中直接拍照发过来就行，可以发多张。一时没有的可以先跳过，以后再补。',
    },
    en: {
      question: 'What papers do I need for an illness?',
      synonyms: ['documents for illness', 'papers for hospital stay', 'what proof for medical costs', 'do i need the invoice', 'do i need a discharge summary', 'hospital papers', 'medical documents'],
      keywords: ['hospital bill', 'invoice', 'discharge summary', 'medical papers', 'hospital'],
      answer: 'For an illness, prepare: {{documents.illness}}.\nSend photos while you apply, several if you like. Skip what you do not have yet and send it later.',
    },
  },
  {
    key: 'documents-disaster',
    article: 'documents',
    'zh-CN': {
      question: '因灾申请要什么材料？',
      synonyms: ['受灾要准备什么材料', '房子塌了要什么证明', '庄稼被淹了要交什么', '遭灾了需要什么资料', '火灾要什么材料', '水灾申请要什么', '受灾照片怎么拍'],
      keywords: ['受灾材料', '受灾照片', '灾害', '房子倒了', '房子', '被淹', '水冲', '洪水', '因灾材料', '火灾', '水灾', '受灾'],
      answer: '因灾申请要准备：{{documents.disaster}}（房屋、庄稼、牲畜等损失的照片）。\n在申请过程中直接拍照发过来就行；有村里或保险公司的损失证明，也可以一起发。',
    },
    en: {
      question: 'What papers do I need after a disaster?',
      synonyms: ['documents for disaster', 'house collapsed what proof', 'crops flooded what to send', 'fire damage documents', 'flood documents', 'how to take damage photos'],
      keywords: ['damage photos', 'disaster', 'flood', 'fire', 'storm', 'damage'],
      answer: 'After a disaster, prepare: {{documents.disaster}} (photos of the damage to your house, crops or animals).\nSend them while you apply; a damage certificate from the village or an insurer can be sent too.',
    },
  },
  {
    key: 'documents-education',
    article: 'documents',
    'zh-CN': {
      question: '因学申请要什么材料？',
      synonyms: ['孩子上学要准备什么材料', '上大学要交什么证明', '学费要什么单据', '读书的要哪些资料', '录取通知书要不要', '学籍证明在哪开', '因学需要什么'],
      keywords: ['因学材料', '录取通知书', '学籍证明', '缴费凭证', '学费', '上学材料', '上学'],
      answer: '因学申请要准备：{{documents.education}}。\n学籍证明可以找学校开，缴费凭证是交学费、住宿费的收据。拍照发过来就行。',
    },
    en: {
      question: 'What papers do I need for school costs?',
      synonyms: ['documents for schooling', 'child at university what proof', 'school fee receipts', 'admission letter needed', 'where to get proof of enrolment', 'education documents'],
      keywords: ['school', 'tuition', 'admission letter', 'enrolment', 'enrollment', 'fee receipt'],
      answer: 'For school costs, prepare: {{documents.education}}.\nThe school issues proof of enrolment; the receipts are those of tuition and boarding fees. Send photos.',
    },
  },
  {
    key: 'missing-documents',
    article: 'documents',
    'zh-CN': {
      question: '材料不全或者丢了怎么办？',
      synonyms: ['发票丢了怎么办', '出院小结丢了怎么办', '没有出院小结怎么办', '材料不够能申请吗', '缺材料可以先申请吗', '证明开不出来', '材料以后再补行吗', '怎么补材料', '退回来补材料怎么弄'],
      keywords: ['补材料', '材料不全', '缺材料', '丢了', '补交', '没有发票'],
      answer: '可以先申请。没有的材料，在那一步回复“跳过”，以后再补。\n申请被退回来补材料时，直接把照片发过来，发完回复“好了”。发票丢了可以找医院打印结算清单，出院小结可以到医院病案室复印。',
    },
    en: {
      question: 'What if papers are missing or lost?',
      synonyms: ['lost the invoice', 'no discharge summary', 'not all documents', 'can i apply without all papers', 'send documents later', 'how to add missing documents', 'case returned for documents'],
      keywords: ['missing', 'lost', 'later', 'add documents', 'returned'],
      answer: 'You can apply anyway: reply "skip" at that step and send it later.\nIf your case is returned for papers, just send the photos and reply "done". A lost invoice can be reprinted by the hospital as a settlement list; a discharge summary can be copied at its records office.',
    },
  },
  {
    key: 'after-reimbursement',
    article: 'documents',
    'zh-CN': {
      question: '医保报销了还能申请吗？',
      synonyms: ['报销了还能申请吗', '报销后还可以申请吗', '已经报过销了还能不能申请', '医保报了一部分还能申请吗', '大病保险报了还能申请吗', '报销完自己还花了很多钱', '新农合报了还能申请吗', '报销以后剩下的钱能补吗'],
      keywords: ['报销', '医保', '报销后', '大病保险', '新农合', '自付', '报过了'],
      answer: '可以申请。看的是报销以后您家自己负担的部分（自付费用）。\n申请时会问总费用和已经报销的钱：自己负担的 = 总费用 − 已报销。自己负担得越多，越说明家里有困难。',
    },
    en: {
      question: 'Can I still apply after medical insurance reimbursed me?',
      synonyms: ['already reimbursed can i apply', 'after reimbursement', 'insurance paid part of the bill', 'still paid a lot after insurance', 'reimbursed by medical insurance still apply', 'what about the part insurance did not cover'],
      keywords: ['reimbursement', 'reimbursed', 'insurance', 'medical insurance', 'self-paid', 'out of pocket'],
      answer: 'Yes. What counts is what your family paid itself after reimbursement.\nYou will be asked for the total and the amount reimbursed: self-paid = total − reimbursed. The more you paid yourself, the clearer the hardship.',
    },
  },
  {
    key: 'consent',
    article: 'privacy',
    'zh-CN': {
      question: '为什么要签承诺授权？',
      synonyms: ['承诺授权是什么', '为什么要查我家收入', '授权查存款安全吗', '不同意授权可以吗', '要查我家的车和房子吗', '查收入会不会有影响', '签承诺书干什么用'],
      keywords: ['承诺授权', '授权', '承诺书', '查收入', '查存款', '核查收入', '承诺'],
      answer: '认定帮扶对象要核实家里真实的收入和财产（存款、车辆、房产、社保等），所以要户主承诺填的是真实情况，并授权政府部门和受委托的保险公司去查。\n查到的信息只用于这次认定，不会公开。不同意授权，这次申请就不能提交。',
    },
    en: {
      question: 'Why must I sign the commitment and authorisation?',
      synonyms: ['what is the authorisation', 'why check our income', 'is it safe to authorise checking savings', 'can i refuse the authorisation', 'will you check our car and house', 'why the commitment letter', 'authorization consent'],
      keywords: ['authorisation', 'authorization', 'consent', 'commitment', 'check income', 'savings'],
      answer: 'To decide, the household\'s real income and assets (savings, vehicles, housing, social insurance) must be checked, so the head of household promises the answers are true and authorises government offices and the insurer working for them to check.\nWhat they find is used only for this decision and never published. Without the authorisation the application cannot be submitted.',
    },
  },
  {
    key: 'privacy',
    article: 'privacy',
    'zh-CN': {
      question: '我的个人信息谁能看到？',
      synonyms: ['身份证号会不会公开', '我的病情会不会被别人知道', '别人会不会知道我生病', '公示会不会写电话', '信息安全吗', '个人隐私怎么保护', '谁能看我的材料', '照片会给别人看吗', '会不会泄露信息'],
      keywords: ['隐私', '个人信息', '信息安全', '泄露', '保密', '身份证号', '病情'],
      answer: '您填的信息和发的照片只用于这次帮扶申请，只有负责审核的村、镇、县干部和核查人员能看到。\n通知、群消息和公示，都不会出现身份证号、电话、银行卡号和病情。系统也不会把这些信息写进日志。',
    },
    en: {
      question: 'Who can see my personal information?',
      synonyms: ['will my id number be published', 'will people know my illness', 'will the notice show my phone', 'is my information safe', 'privacy', 'who sees my documents', 'will my photos be shown', 'data leak'],
      keywords: ['privacy', 'personal information', 'data', 'safe', 'leak', 'confidential'],
      answer: 'What you type and the photos you send are used only for this application and seen only by the village, town and county cadres who review it and the home-visit verifier.\nNotices, group messages and public notices never show ID numbers, phone numbers, bank accounts or illnesses, and the system does not write them into its logs.',
    },
  },
  {
    key: 'publicity',
    article: 'publicity-and-recheck',
    'zh-CN': {
      question: '公示是什么？',
      synonyms: ['什么是公示', '公示要多久', '公示几天', '为什么要公示', '公示在哪里看', '公示会写什么内容', '公示期有人反对怎么办', '公示完了多久发钱'],
      keywords: ['公示', '公示期', '张榜', '评议', '公示名单'],
      answer: '公示是把评议通过的名单在村里公开，让大家监督，确保公平。公示至少{{publicityDays}}，只在本村公示。\n公示只写户主姓名、帮扶类别等，不会出现身份证号、电话和病情。公示期间没人提出异议，就进入审批。',
    },
    en: {
      question: 'What is the public notice?',
      synonyms: ['what is publicity', 'how long is the public notice', 'why is there a public notice', 'where is the notice posted', 'what does the notice show', 'someone objects during the notice', 'notice period'],
      keywords: ['public notice', 'notice', 'publicity', 'posted', 'objection'],
      answer: 'The result of the village assessment is posted in your village so everyone can see it is fair — for at least {{publicityDays}}, in your village only.\nIt shows only the head of household\'s name and the kind of help, never ID numbers, phone numbers or illnesses. Without objections the case goes on to approval.',
    },
  },
  {
    key: 'recheck',
    article: 'publicity-and-recheck',
    'zh-CN': {
      question: '没通过怎么申请复核？',
      synonyms: ['不同意结果怎么办', '申请被驳回了怎么办', '不予认定可以申诉吗', '怎么复核', '复核怎么申请', '我觉得不公平', '能不能重新审核', '对结果有意见找谁', '没批下来怎么办'],
      keywords: ['复核', '申诉', '驳回', '不予认定', '没通过', '被拒', '不公平', '不服', '结果不服', '重新审核'],
      answer: '收到“不予认定”的通知，觉得不对的，可以申请复核：\n1. 回复“人工”，村干部会联系您；或者直接到村委会、镇里说明情况；\n2. 带上新的证明材料（比如新的医疗费单据、收入变化的证明）。\n县里会重新核实。家里情况有变化，也可以重新申请。',
    },
    en: {
      question: 'How do I ask for a re-check if I was turned down?',
      synonyms: ['i disagree with the decision', 'my application was rejected', 'appeal the decision', 'how to appeal', 'it is not fair', 'review again', 'who do i complain to', 'not approved what now'],
      keywords: ['re-check', 'recheck', 'appeal', 'rejected', 'turned down', 'unfair', 'complain'],
      answer: 'If you are told your household was not identified and you think that is wrong, ask for a re-check:\n1. reply "human" and a village cadre will contact you, or go to the village committee or the town;\n2. bring any new papers (new medical bills, proof that income changed).\nThe county checks again. If things change, you can also apply again.',
    },
  },
  {
    key: 'green-channel',
    article: 'green-channel',
    'zh-CN': {
      question: '绿色通道是什么？',
      synonyms: ['什么是绿色通道', '急事能不能先帮', '情况紧急怎么办', '能不能快点办', '特别困难能先给钱吗', '加急办理', '等不及了怎么办'],
      keywords: ['绿色通道', '紧急', '加急', '急事', '先帮扶后认定', '等不及'],
      answer: '绿色通道是给情况特别紧急的家庭的：比如突发大病、重大灾害，生活马上过不下去，县里可以先帮扶，再补办认定手续。\n情况紧急，请马上回复“人工”，或者直接找村干部说明。',
    },
    en: {
      question: 'What is the green channel?',
      synonyms: ['urgent help', 'it is an emergency', 'can you help us first', 'can it be faster', 'we cannot wait', 'fast track', 'emergency assistance'],
      keywords: ['green channel', 'urgent', 'emergency', 'fast track', 'cannot wait'],
      answer: 'The green channel is for households in an emergency — a sudden serious illness or a major disaster that leaves them unable to get by: the county can help first and complete the paperwork afterwards.\nIf it is urgent, reply "human" now, or tell a village cadre directly.',
    },
  },
  {
    key: 'progress',
    article: 'self-application',
    'zh-CN': {
      question: '怎么查申请进度？',
      synonyms: ['我的申请到哪一步了', '申请办得怎么样了', '怎么看进度', '审核到哪了', '有没有结果了', '查一下我的申请', '批下来没有', '批了没有'],
      keywords: ['查进度', '到哪一步', '审核情况', '办得怎么样', '进展'],
      answer: '回复“查询”，就能看到您的申请到哪一步了。每到一步也会发消息通知您。\n收到通知看不懂，可以回复“什么意思”。',
    },
    en: {
      question: 'How do I check my application?',
      synonyms: ['where is my application', 'how is my application going', 'check progress', 'any result yet', 'has it been approved', 'status of my case'],
      keywords: ['progress', 'check', 'my application', 'my case', 'result'],
      answer: 'Reply "status" to see where your application is. You are also told at every step.\nIf a notice is unclear, reply "what does this mean".',
    },
  },
  {
    key: 'amount',
    article: 'assistance-measures',
    'zh-CN': {
      question: '能补助多少钱？',
      synonyms: ['能给多少钱', '补多少', '帮扶金额是多少', '能报多少', '一般给多少钱', '钱怎么算', '能拿到多少'],
      keywords: ['补助', '金额', '补多少', '帮扶资金', '救助金', '给多少钱'],
      answer: '没有统一的数目。审核后，县里会根据您家的情况（收入、自己负担的开支、困难程度）决定帮扶措施和金额，批准时会告诉您。\n帮扶不只是发钱，还可能有低保、医疗救助、教育资助、公益岗位等。',
    },
    en: {
      question: 'How much money will we get?',
      synonyms: ['how much is the assistance', 'amount of help', 'how much do you pay', 'how is the amount decided', 'how much money', 'what amount'],
      keywords: ['amount', 'how much money', 'payment', 'subsidy', 'money'],
      answer: 'There is no fixed amount. After review, the county decides the measures and the amount from your household\'s situation (income, what you paid yourself, how hard things are) and tells you when it is approved.\nHelp is not only money: it may also be dibao, medical aid, education aid or a public-service job.',
    },
  },
  {
    key: 'measures',
    article: 'assistance-measures',
    'zh-CN': {
      question: '有哪些帮扶措施？',
      synonyms: ['能得到什么帮助', '帮扶有哪些', '除了钱还有什么帮扶', '低保能办吗', '医疗救助怎么申请', '能不能安排公益岗位', '有什么政策'],
      keywords: ['帮扶措施', '措施', '低保', '临时救助', '医疗救助', '公益岗位', '产业奖补', '危房改造'],
      answer: '根据家里的情况，可能的帮扶有：低保、临时救助、医疗救助、教育资助、防贫保险金、公益性岗位、产业奖补、危房改造等。具体用哪几项，审核后由县里决定。',
    },
    en: {
      question: 'What kinds of help are there?',
      synonyms: ['what help can we get', 'kinds of assistance', 'besides money what help', 'can we get dibao', 'medical aid', 'public service job', 'what policies are there'],
      keywords: ['measures', 'dibao', 'relief', 'medical aid', 'public job', 'housing repair', 'kinds of help'],
      answer: 'Depending on your situation: subsistence allowance (dibao), temporary relief, medical aid, education aid, anti-poverty insurance payouts, public-service jobs, farming or business subsidies, repair of unsafe housing. Which of them is decided by the county after review.',
    },
  },
  {
    key: 'cost',
    article: 'self-application',
    'zh-CN': {
      question: '申请要交钱吗？',
      synonyms: ['申请要不要钱', '要不要送礼', '要不要找关系', '有人说交钱能办是真的吗', '办这个收费吗', '需要给干部好处吗'],
      keywords: ['收费', '交钱', '送礼', '找关系', '免费', '好处费'],
      answer: '申请完全免费，不用找关系，也不用给任何人钱。有人以帮忙办理为名要钱，是违规的，请回复“人工”或者向县帮扶办反映。',
    },
    en: {
      question: 'Does applying cost anything?',
      synonyms: ['is there a fee', 'do i need to pay', 'do i need connections', 'someone asked me for money', 'is it free', 'do i need to give gifts'],
      keywords: ['fee', 'free', 'pay', 'bribe', 'gift', 'connections'],
      answer: 'Applying is completely free: no connections, no money to anyone. Anyone asking for money to "help" breaks the rules — reply "human" or tell the county office.',
    },
  },
  {
    key: 'apply-for-others',
    article: 'self-application',
    'zh-CN': {
      question: '可以帮家里人申请吗？',
      synonyms: ['能帮我爸妈申请吗', '替老人申请可以吗', '子女在外地能帮家里申请吗', '帮亲戚申请行不行', '不是户主能申请吗', '老人不会用手机怎么办'],
      keywords: ['帮家人申请', '代申请', '替老人', '户主', '代办', '爸妈'],
      answer: '可以。按提示填申请人（一般是户主）的姓名、身份证号和电话就行，要征得他们同意。\n老人不会用手机，也可以找村干部帮忙申请：回复“人工”。',
    },
    en: {
      question: 'Can I apply for a family member?',
      synonyms: ['apply for my parents', 'can i apply for my mother', 'apply for an elderly relative', 'i work away can i apply for my family', 'not the head of household', 'my parents cannot use a phone', 'apply on behalf of someone'],
      keywords: ['family member', 'parents', 'mother', 'father', 'grandparents', 'on behalf', 'relative', 'head of household'],
      answer: 'Yes. Fill in the applicant\'s (usually the head of household\'s) name, ID number and phone as asked, with their agreement.\nElderly people who cannot use a phone can also ask a village cadre to apply with them: reply "human".',
    },
  },
  {
    key: 'withdraw',
    article: 'self-application',
    'zh-CN': {
      question: '申请了还能撤回吗？',
      synonyms: ['怎么撤回申请', '不想申请了怎么办', '申请错了怎么改', '能取消申请吗', '提交错了怎么办', '撤销申请'],
      keywords: ['撤回', '撤销', '申请错了', '填错了', '提交错了'],
      answer: '审核结束前都可以撤回：回复“撤回”，按提示确认就行。\n填错了不用撤回：还没提交的，在核对那一步回复“修改”加项目名字就能改；已经提交的，回复“人工”，村干部会帮您更正。',
    },
    en: {
      question: 'Can I withdraw my application?',
      synonyms: ['how to withdraw', 'i do not want to apply anymore', 'i made a mistake in my application', 'cancel my application', 'submitted by mistake', 'undo application'],
      keywords: ['withdraw', 'mistake', 'wrong', 'undo', 'cancel application'],
      answer: 'Until the review ends, yes: reply "withdraw" and confirm.\nFor a mistake you need not withdraw: before submitting, reply "change" and the item\'s name at the summary; after submitting, reply "human" and a village cadre will correct it.',
    },
  },
  {
    key: 'reapply',
    article: 'self-application',
    'zh-CN': {
      question: '申请过了还能再申请吗？',
      synonyms: ['去年申请过今年还能申请吗', '一年能申请几次', '上次没通过能再申请吗', '已经帮扶过还能申请吗', '又生病了还能申请吗', '能不能重复申请'],
      keywords: ['再申请', '重新申请', '申请几次', '重复申请', '第二次', '又生病'],
      answer: '可以。家里又遇到新的困难（比如又生病住院、又受灾），可以再申请。同一个原因的申请正在审核时，不用重复申请，等结果就行。',
    },
    en: {
      question: 'Can I apply again?',
      synonyms: ['applied last year can i apply this year', 'how many times can i apply', 'rejected last time can i apply again', 'already helped can we apply again', 'ill again can i apply', 'apply a second time'],
      keywords: ['again', 'second time', 'reapply', 'how many times'],
      answer: 'Yes. When a new hardship comes (another illness, another disaster) you can apply again. While an application for the same cause is under review there is no need to apply twice: wait for its result.',
    },
  },
  {
    key: 'contact-cadre',
    'zh-CN': {
      question: '怎么联系村干部？',
      synonyms: ['有问题问谁', '村干部电话是多少', '想找人帮忙', '能不能找个人问问', '不会弄找谁', '想当面问问'],
      keywords: ['联系村干部', '找人', '找谁', '当面', '干部电话'],
      answer: '回复“人工”，我们会通知村干部联系您。也可以直接去村委会。',
    },
    en: {
      question: 'How do I reach a village cadre?',
      synonyms: ['who can i ask', 'village cadre phone number', 'i want to talk to someone', 'i need a person to help', 'speak to someone in person'],
      keywords: ['contact', 'talk to someone', 'phone number', 'person', 'in person'],
      answer: 'Reply "human" and a village cadre will be asked to contact you. You can also go to the village committee.',
    },
  },
];
