/**
 * The 'heard' namespace, zh-CN (the source): what the chat says back when an answer about a
 * person, a relation, a school stage or a date was heard but cannot be filed as it stands —
 * each with an example that would be understood, in the words of the question.
 */
export const heardZhCN = {
  name: {
    nickname: '“{{said}}”像是平常的叫法。这里要填身份证上的全名。',
    surname_only: '只说了姓“{{surname}}”。请说全名，姓和名字都要。',
    relation_only: '知道了，是您的{{relation}}。请再说一下名字。',
    not_a_name: '请只回复名字就行。',
    two_names: '您说的是两个人。这里一次只填一个人，请只回复其中一位的全名。',
    which_of: '您说了{{first}}和{{second}}两个名字。这里一次只填一个人，是哪一位？请只回复一个名字，例如：{{first}}',
    first_of_two: '您说的是两个人，这次先填{{name}}，对吗？另一位等这次填完可以再申请。\n不对的话，请直接回复要填的那一位的全名。',
    in_characters: '名字要照身份证上的汉字填，拼音不行。请打汉字，例如：王桂英',
    confirm: '名字按“{{name}}”填，对吗？\n不对的话，请直接回复身份证上的全名。',
    confirm_surname: '名字按“{{name}}”填，和身份证上一字不差，对吗？\n不对的话，请直接回复身份证上的全名。',
    write_full: '请填身份证上的全名，例如：{{name}}',
    relation_mismatch: '前面说病人是您的{{stored}}，这里说的是{{said}}。请只回复病人的名字；关系说错了，请回复“上一步”。',
  },
  relation: {
    self: '这里问的是家里其他人。如果是您自己生病，请回复“上一步”，再选 1。',
    two: '这里一次只填一个人。',
    two_named: '听明白了，是{{people}}两个人。这里一次只填一个人，先填哪一位？另一位等这次填完可以再申请。',
    other_household: '亲家是另一户人家，不在您家户口本上，这里填不了。这里填您家里生病的人，例如：老伴、儿子。亲家那边可以由他们家自己申请。',
    which: '是家里的哪一位？',
    son_or_daughter: '是儿子还是女儿？请回复“儿子”或“女儿”。',
    husband_or_father: '“老汉”是您的丈夫，还是您的父亲？请回复“丈夫”或“父亲”。',
    father_or_in_law: '“老爷子”是您的父亲，还是公公或岳父？请回复“父亲”“公公”或“岳父”。',
    likely: '是您的{{relation}}，对吗？\n不对的话，请直接说是谁，例如：儿媳',
  },
  /** Who an answer named, said back ("您和您的老伴"). */
  people: {
    self: '您自己',
    relation: '您的{{relation}}',
    relation_name: '您的{{relation}}{{name}}',
  },
  cause: {
    several: '您家遇到的难处不止一种。一次申请填一种，先选最要紧的；另一种填完这次可以再申请。',
  },
  text: {
    dont_know: '没关系，说个大概就行。',
    /** "对" / "没有" to a question asking a name or a description: asked again, with its example. */
    yes_no: '这里请说名称，不用回复“对”或“不对”。',
  },
  illness: {
    complaint: '“{{said}}”是得了什么病？请说医院查出来的病名，例如：冠心病、腰椎间盘突出',
    no_illness: '请说是什么病，例如：脑梗、肺癌。医生还没说病名的话，说哪里不好也行，例如：腿摔断了',
    vague: '是哪一种病？请说医生说的病名，例如：肺癌、胃癌、脑梗',
    confirm: '病情按“{{illness}}”填，对吗？\n不对的话，请直接说病名，例如：脑梗',
  },
  hospital: {
    none: '没住院也行。请说在哪里看的病、开的药，例如：镇卫生院、县中医院',
    last: '先后去了{{first}}和{{last}}，按最后看病的{{last}}填，对吗？\n不对的话，请直接回复医院的名字。',
    vague: '是哪家医院？请说医院的名字，例如：市人民医院、县中医院',
    described: '医院按“{{hospital}}”填，对吗？\n不对的话，请直接回复医院的名字，例如：县人民医院',
  },
  stage: {
    which_now: '孩子现在在读哪个学段？已经毕业的、还在考的都不算，请说现在读的，例如：高三 或 大一',
    two: '您说了两个孩子的学段（{{stages}}）。一次申请填一个孩子，请只说{{name}}现在读的，例如：高二',
  },
  place: {
    sounds_like: '您说的是{{name}}吗？\n不是的话，请回复下面的数字。',
    which: '有几个地方都叫这个名字：{{names}}。是哪一个？请回复下面的数字。',
    other_town: '{{village}}是{{town}}的村，前面选的是{{chosen}}。您家是{{town}}{{village}}的，对吗？\n不对的话，请回复下面的数字。',
  },
  disaster: {
    two: '您说了{{kinds}}。这里只填一种：哪一种造成的损失最大？请回复它的数字。',
    which: '知道是受了灾。是什么灾？例如：发大水、下冰雹、着火，或回复下面的数字。',
  },
  /** An answer of another kind than the question asks (flows/application/wrong-kind.ts): what it looks like, and what is asked. */
  kind: {
    phone_at_id: '这个像是手机号。这里要的是身份证号，一共18位，照着身份证抄就行；手机号下一步再问。',
    id_later: '不着急。找到身份证再回复号码就行，前面填的都留着，回复“你好”接着填。要村干部帮忙，请回复“人工”。',
    id_at_phone: '这个像是身份证号。这里要的是手机号，1开头的11位数字。',
    phone_at_name: '这个像是手机号，后面会问。这里请先说名字，要和身份证上的一样。',
    id_at_name: '这个像是身份证号。请把名字和号码一起回复，名字在前。',
    place_at_name: '这个像是村镇的名字。这里请说人的名字，要和身份证上的一样。',
    name_unsure: '没关系，按您知道的写就行，村干部会对着户口本核对。',
  },
  school: {
    name: '是哪所学校？请说学校的名字，例如：县一中、东山镇中心小学',
    described: '学校按“{{school}}”填，对吗？\n不对的话，请直接回复学校的名字，例如：县一中',
  },
  poverty: {
    other_scheme: '低保、五保和脱贫户不是一回事。脱贫户是以前建档立卡的贫困户。是的话请回复“是”，不是请回复“不是”。',
  },
  patient: {
    two: '一次申请只能填一位病人。请先选一位，另一位等这次填完可以再申请。',
    two_named: '听明白了，{{people}}都病了。一次申请只能填一位病人：先填病得重、花钱多的那一位，另一位等这次填完可以再申请。',
    which: '是您自己，还是家里其他人？',
    relative_self: '{{relation}}是这次的申请人吗？申请人本人生病请回复1；是家里其他人生病，请回复2。',
    pronoun_self: '是申请人本人生病吗？申请人本人生病请回复1；是家里其他人生病，请回复2。',
    helper_self: '您是替{{relation}}申请的。是{{relation}}本人生病请回复1；是您或家里其他人生病请回复2。',
    helper_self_plain: '您是替家里人申请的。是申请人本人生病请回复1；是您或家里其他人生病请回复2。',
  },
  date: {
    confirm: '先按{{month}}记，哪天记不清，对吗？\n记得是哪天的话，直接回复日子，例如：{{example}}',
    vague_days: '是哪一天？例如：昨天、上周五、{{example}}\n记不清哪天的话，说大概几月份也行，例如：{{month}}，记不清哪天',
    vague_month: '大概是几月份？例如：{{month}}，记不清哪天\n记得哪天更好，例如：{{example}}',
    no_day: '没关系。请说大概是几月份，例如：{{month}}，记不清哪天',
    write_day: '请填到哪一天，例如：{{example}}。记不清哪天的话，请填：{{month}}，记不清哪天',
    month_only: '{{month}}（日期不详）',
    confirm_day: '按{{date}}记，对吗？',
    lunar: '{{said}}是公历{{date}}前后。请回复准确是哪一天，例如：{{date}}',
    confirm_lunar_day: '{{said}}前后，先按公历{{date}}记，对吗？\n记得准确哪天的话，直接回复日子',
    confirm_lunar: '{{said}}大约是公历{{month}}。先按{{month}}记，哪天记不清，对吗？\n记得是哪天的话，直接回复日子，例如：腊月二十三 或 {{example}}',
  },
  /** Two questions asked as one in the chat (engine/fold.ts): what is missing is asked next. */
  fold: {
    household_income: '您家户口本上一共几口人？去年全家的纯收入大约多少钱？\n（纯收入：种地、养殖、打工等收入，减去花掉的成本）\n例如：4口人，3万2。没有收入就说“没有收入”',
    name_id: '请问申请人叫什么名字？身份证号是多少？（一般填户主）\n照着身份证回复，例如：张三 11010519491231002X',
    town_village: '您家在哪个乡镇？（直接回复村名也行，例如：{{village}}）',
    illness_hospital: '得的是什么病？在哪个医院看的？\n例如：肺癌，县人民医院',
    loss_compensation: '估计损失了多少钱？（房子、庄稼、牲畜等）已经拿到的保险赔款、救灾款有多少？\n例如：3万；拿到了就一起说，例如：损失3万，赔了5000',
    stage_school: '孩子在读什么学段、在哪个学校？\n例如：高二，县一中（只说年级也行，或回复下面的数字）',
    cost_aid: '这个孩子上学一年要花多少钱？（学费、住宿费、生活费等）已经拿到的资助有多少？\n例如：1万2；拿到了就一起说，例如：一年1万2，助学金2000',
    cost_reimbursed: '这次看病一共花了多少钱（总费用）？医保、大病保险等报销了多少？\n例如：5万 或 50000；报销了就一起说，例如：花了5万，报了2万',
  },
  /** A fact said before its question, said back there for a yes (engine/prefill.ts). */
  prefill: {
    patient_applicant: '生病的是申请人本人，也就是您的{{relation}}，对吗？',
    patient_applicant_plain: '生病的是申请人本人，对吗？',
    patient_self: '生病的是您自己，对吗？',
    patient_family: '生病的是您的{{relation}}，对吗？',
    patient_family_name: '生病的是您的{{relation}}{{name}}，对吗？',
    relation: '病人是您的{{relation}}，对吗？',
    relation_name: '病人是您的{{relation}}{{name}}，对吗？',
    patient_name: '病人叫{{name}}，对吗？',
    phone: '手机号是{{phone}}，对吗？',
    illness: '得的是{{illness}}，对吗？',
    hospital: '是在{{hospital}}看的病，对吗？',
    level: '{{hospital}}是{{level}}，对吗？',
    amount: '{{what}}{{amount}}，对吗？',
    amount_rough: '{{what}}{{amount}}左右，就按{{amount}}算，对吗？',
    disaster_kind: '受的灾是：{{kind}}，对吗？',
    student_name: '上学的孩子叫{{name}}，对吗？',
    stage: '孩子在读{{stage}}，对吗？',
    what: {
      totalCostFen: '这次看病一共花了',
      reimbursedFen: '医保等已经报销了',
      lossFen: '估计损失了',
      compensationFen: '已经拿到的赔款和救助有',
      educationCostFen: '孩子上学一年要花',
      aidFen: '已经拿到的资助有',
    },
  },
  /** A first message that names the hardship: the application starts with it. */
  opening: {
    cause: '听您说的情况，按“{{cause}}”申请。说错了请回复“上一步”重选。',
    how: '申请就在这里办，一问一答：会问家里为什么困难，申请人的姓名、身份证号、电话、住址，家里几口人、收入多少，花了或损失了多少钱，最后拍照发材料。',
  },
};
