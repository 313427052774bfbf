/**
 * The 'understand' namespace, zh-CN (the source): what the chat says when it understood an
 * answer only approximately and asks for a yes (flows/engine/confirm.ts, flows/application/understood.ts),
 * when figures are out of place, the yes/no hints in the words each question used, and the form's
 * refusal of an approximate figure (server/core/form/answers.ts). Short: one line each.
 */
export const understandZhCN = {
  /** Joins figures said back: "30,000元和10,000元". */
  and: '和',
  confirm: {
    /** A reply that settles nothing: the confirmation again, in one line. */
    unclear: '{{question}}对的话回复“对”，不对就直接告诉我准确的。',
    /** A no alone: the question again follows. */
    again: '好的，那请您再说一下。',
  },
  amount: {
    figure: '是{{amount}}，对吗？',
    tiny: '只有{{amount}}，对吗？',
    whole: '和总数一样，也是{{amount}}，对吗？',
    estimate: '按{{amount}}算，对吗？',
    range: '{{low}}到{{high}}之间，按中间的{{amount}}算，对吗？',
    monthly: '一个月{{perMonth}}，一年按{{amount}}算，对吗？',
    monthly_rough: '一个月约{{perMonth}}，一年按{{amount}}算，对吗？',
    picked: '您说了{{amounts}}，这一项按{{amount}}算，对吗？',
    per_term: '一学期{{each}}，一年两个学期，按{{amount}}算，对吗？',
    per_term_rough: '一学期约{{each}}，一年两个学期，按{{amount}}算，对吗？',
    per_half: '半年{{each}}，一年按{{amount}}算，对吗？',
    per_half_rough: '半年约{{each}}，一年按{{amount}}算，对吗？',
    per_day: '一天{{each}}，一年{{times}}天，一共{{amount}}，对吗？',
    per_day_rough: '一天约{{each}}，一年约{{times}}天，按{{amount}}算，对吗？',
    per_month: '一个月{{each}}，干了{{times}}个月，一共{{amount}}，对吗？',
    per_month_rough: '一个月约{{each}}，干了约{{times}}个月，按{{amount}}算，对吗？',
    daily: '一天{{amounts}}，一年大概干多少天？请一起说，例如：一天100，一年干200天',
    lived_on: '{{source}}也算家里的收入。一年一共能拿到多少？例如：低保一年4800，就回复 4800',
    lived_on_figure: '{{source}}也算收入。全家一年收入按{{amount}}算，对吗？',
    source: {
      dibao: '低保（五保）金',
      pension: '养老金',
      children: '儿女给的钱',
      relatives: '亲戚接济的钱',
      government: '政府给的补贴',
    },
    per_unit: '{{count}}{{unit}}，每{{unit}}{{perUnit}}，一共{{amount}}，对吗？',
    summed: '您说了{{amounts}}，加起来一共{{amount}}，对吗？',
    summed_rough: '您说了大约{{amounts}}，加起来按{{amount}}算，对吗？',
    not_yet: '还没拿到的话，先按{{amount}}填，以后拿到了告诉村干部，对吗？',
    half: '{{whole}}的一半，按{{amount}}算，对吗？',
    several: '您说了{{amounts}}，这一项只填一个数。',
    bound: '不到{{amounts}}，那大概是多少？说个大概的数就行，例如：8000',
    loan: '借的钱（贷款）以后要还，不算在这里。这一项按{{amount}}算，对吗？\n另外拿到了不用还的钱，请直接说多少。',
    waived: '您说了{{amounts}}，还免了一笔钱没说多少。免掉的也算，请说一共多少，例如：5000',
    elsewhere: '您说的{{amounts}}好像是另一笔钱。',
  },
  count: {
    counted: '一共{{n}}口人，对吗？',
  },
  yesno: {
    hedged: '“{{label}}”按“{{answer}}”填，对吗？',
    shi: '没看懂。是的话请回复“是”，不是请回复“不是”。',
    dui: '没看懂。对的话请回复“对”，不对请回复“不对”，也可以直接说准确的数。',
  },
  form: {
    /** The mini-program form cannot confirm: an approximate figure is refused, naming the field. */
    approximate: '“{{label}}”请填一个准确的数（您填的大约是{{value}}），不要填“多”“来”或一个范围。',
  },
};
