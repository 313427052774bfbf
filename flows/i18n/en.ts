/**
 * English — complete translation of zh-CN.ts (same keys; the type makes a missing key a
 * compile error, and tests/flows/i18n.test.ts checks that no value is empty).
 * Commands stay in Chinese where the villager may also type them, with the English word beside.
 */
import type { BaseMessages, Messages } from './zh-CN';
import { withStatusWords } from './status-words';
import { STATUS_WORDS } from '../workflow/words';
import { cadreEn } from './cadre.en';
import { caseworkEn } from './casework.en';
import { workflowEn } from './workflow.en';
import { faqEn } from './faq.en';
import { appEn } from './app.en';
import { miniprogramEn } from './miniprogram.en';
import { broadcastEn } from './broadcast.en';
import { noticeEn } from './notice.en';
import { authEn } from './auth.en';
import { heardEn } from './heard.en';
import { understandEn } from './understand.en';
import { summaryEn } from './summary.en';
import { exportEn } from './export.en';
import { statsEn } from './stats.en';
import { registerEn } from './register.en';
import { alertsEn } from './alerts.en';
import { entryEn } from './entry.en';

const enBase: BaseMessages = {
  common: {
    yes: 'Yes',
    no: 'No',
    not_answered: 'Not answered',
  },
  engine: {
    choose_number: 'Please reply with a number from 1 to {{max}}.',
    choose_one: 'There is only one choice: please reply 1.',
    /** What a message said beyond the item it changed, when it could not be read yet: said again later. */
    carry_left: 'You also said "{{said}}": please say it again once this is settled.',
    previous_answer: '(Your earlier answer was: {{value}}. Please answer again.)',
    offer_handover: 'If typing is hard, reply "human" and a village cadre will contact you.',
    reset: 'The system has been updated. Please start again. Nothing you entered before was submitted.',
    no_back: 'This is already the first question.',
    language_set: 'OK, I will write in English from now on.',
    resume: 'Welcome back! You stopped at "{{label}}". Let\'s carry on. (To stop, reply "cancel".)',
    resume_generic: 'Welcome back! Let\'s carry on where you stopped. (To stop, reply "cancel".)',
  },
  help: {
    question: 'At this step, please type your answer to the question below.',
    choice: 'At this step, please reply with the number in front of your choice, for example 1.',
    yesno: 'At this step, please reply "yes" or "no".',
    documents:
      'At this step, please take photos of the document and send them. You can send several. When finished, reply "done". If you do not have it, reply "skip".',
    summary:
      'At this step, please check your answers. If all is right, reply "confirm". To change something, reply "change" and the item, for example "change phone".',
    general: 'Please answer as the message below says.',
    menu: 'Reply with a number to choose. For example, reply 1 to apply for help, 2 to check progress.',
    commands:
      'You can reply at any time:\nback — go to the previous question\ncancel — stop and drop this application\nhuman — ask a village cadre to contact you\nhelp — see this message\n中文 — switch to Chinese',
    commands_menu:
      'You can reply at any time:\nmenu — see what you can do here\nstatus — check your application\nhuman — ask a village cadre to contact you\nhelp — see this message\n中文 — switch to Chinese',
  },
  handover: {
    done: 'OK. A village cadre has been told and will contact you soon.',
    continue: 'Meanwhile you can carry on here:',
  },
  menu: {
    welcome:
      'Hello! This is the Poverty Prevention Assistant.\nIf illness, a disaster or schooling costs have made life hard for your family, you can apply here for help to keep from falling back into poverty.',
    welcome_back: 'Hello, welcome back!',
    prompt: 'What would you like to do?',
    apply: 'Apply for help',
    status: 'Check progress',
    policy: 'About the policy',
    cadre: 'Contact a village cadre',
    hint: 'Sorry, I did not understand which one you want.',
    nothing_to_cancel: 'There is nothing in progress to cancel.',
  },
  media: {
    kind_image: 'picture',
    kind_file: 'file',
    kind_video: 'video',
    kind_audio: 'voice message',
    voice: 'Sorry, I cannot understand voice messages yet. Please type your answer.',
    received_outside:
      'Got your {{what}}. If it is for an application, please start the application first (reply 1) and send it when asked for documents.',
    please_type: 'Got your {{what}}, but this step needs a typed answer.',
    too_large: 'That file is too large to receive. Please send a photo instead, or a smaller file.',
    unsupported_type: 'This kind of file cannot be received yet. Please send a photo or a PDF file.',
    photo_format: 'Photos in this format (HEIC, TIFF) cannot be received: they carry where the photo was taken. Please send it as a WeChat photo (JPEG or PNG).',
    too_many_pixels: 'That picture is too big to open. Please take an ordinary photo and send that instead.',
    unreadable_image: 'That picture cannot be opened; it may be damaged. Please take an ordinary photo and send that instead.',
    uploads_busy: 'Many people are sending papers right now. Please send this one again in a moment.',
    upload_rate: 'You are sending files very quickly. Please wait a little and send again.',
    too_many_uploads: 'You already have {{n}} papers not yet submitted. Please submit your application, or delete ones you do not need, before sending more.',
    uploads_too_large: 'The papers not yet submitted add up to more than {{mb}} MB. Please submit your application, or delete ones you do not need, before sending more.',
  },
  docs: {
    ask: 'Please take a photo and send: {{item}} (item {{index}} of {{total}})',
    ask_one: 'Please take a photo and send: {{item}}',
    so_far: '{{item}}: {{n}} received so far.',
    how: 'You can send several. When finished, reply "done". If you do not have it, reply "skip".',
    none_yet: 'No {{item}} received yet. Please send a photo, or reply "skip" if you do not have it.',
    item_done: 'OK, {{item}} received: {{n}} in all.',
    skipped: 'OK, {{item}} skipped for now. A village cadre may ask you for it later.',
    hint: 'Please send a photo, or reply "done" or "skip".',
    received: 'Received {{item}}, no. {{n}} ({{total}} received in all).',
    received_video: 'Received a video for {{item}}.',
    more_or_done: 'Send more if you have them; when finished, reply "done".',
    received_other: 'Got your {{what}}. It has been added to your application documents ({{total}} received in all).',
    received_other_video: 'Got your video. It has been added to your application documents.',
    display_skipped: 'Not provided (a cadre may ask for it later)',
    display_count: '{{n}} received',
    item: {
      hospital_bill: 'hospital settlement statement or invoice',
      discharge_summary: 'discharge summary',
      damage_photos: 'photos of the damage',
      enrollment_proof: 'admission letter or proof of enrolment',
      fee_receipt: 'fee payment receipt',
    },
  },
  summary: summaryEn,
  export: exportEn,
  stats: statsEn,
  register: registerEn,
  alerts: alertsEn,
  entry: entryEn,
  parse: {
    empty: 'It looks like the message was empty.',
    not_a_number: 'Sorry, I could not read that number.',
    negative: 'The number cannot be negative.',
    too_large: 'That number is too large. Please check it.',
    zero: 'Please enter an amount greater than 0 here.',
    id_length_15:
      'That is an old 15-digit ID number. Please enter the new 18-digit one, for example 11010519491231002X',
    id_length: 'An ID number has 18 characters. The length is not right; please check it.',
    id_format: 'That ID number is not in the right form: 17 digits, then a digit or the letter X.',
    id_checksum: 'One character of the ID number seems wrong. Please check it against the ID card.',
    phone_format: 'A mobile number has 11 digits and starts with 1. Please check it.',
    phone_landline: 'That looks like a landline. Please give a mobile number (11 digits starting with 1).',
    choice_unknown: 'Sorry, I could not tell which one you chose.',
    choice_out_of_range: 'There is no such option. Please reply with a number from 1 to {{max}}.',
    yes_no_unknown: 'Sorry, I did not understand. Please reply "yes" or "no".',
    date_format: 'Sorry, I could not read that date.',
    date_future: 'That date has not come yet. Please give the date it happened.',
    date_invalid: 'That day does not exist. Please check it.',
  },
  apply: {
    intro:
      'OK, let\'s start your application.\nI will ask one question at a time; just follow the hints.\nAt any time you can reply: back, help, human, cancel.',
    busy: 'You are filling in an application. To check progress, finish it first, or reply "cancel".',
    cancelled:
      'OK, this application has been cancelled and was not submitted.\nThe documents you sent will not be used and will be deleted.\nTo apply again, reply 1.',
    invalid: 'Sorry, something is wrong with the application and it cannot be submitted now. Reply "human" and a village cadre will help you.',
    cause: {
      label: 'Kind of hardship',
      ask: 'What has made your family spend a lot and struggle?',
      option_illness: 'Illness: someone in the family is ill and treatment costs a lot',
      option_disaster: 'Disaster: your family suffered losses in a disaster',
      option_education: 'Schooling: a child\'s schooling costs a lot',
    },
    name: {
      ask: 'What is the applicant\'s name? (Usually the head of the household.)\nFor example: Zhang San',
      label: 'Name',
      no_digits: 'A name cannot contain digits.',
      too_short: 'A name needs at least 2 characters.',
      too_long: 'That name is too long: 20 characters at most.',
      invalid: 'A name can only have Chinese characters or Latin letters.',
    },
    text: {
      no_words: 'Please answer in words.',
      too_short: 'Please write a little more.',
      too_long: 'That is too long. Please keep it short (at most {{max}} characters).',
    },
    idNumber: {
      ask: 'Please enter the applicant\'s ID card number (18 characters).\nFor example: 11010519491231002X',
      label: 'ID number',
    },
    phone: {
      ask: 'Please enter a mobile number where we can reach you (11 digits).\nFor example: 13812345678',
      label: 'Mobile phone',
    },
    townCode: {
      ask: 'Which town does your family live in?',
      label: 'Town',
    },
    villageCode: {
      ask: 'Which village does your family live in?',
      label: 'Village',
    },
    householdSize: {
      ask: 'How many people are registered in your household?\nPlease reply with a number, for example: 4',
      label: 'Household size',
      invalid: 'Please reply with a number from 1 to 20, for example: 4',
      display: '{{n}} people',
    },
    annualIncomeFen: {
      ask: 'About how much net income did your whole family have last year?\n(Farming, livestock, work and other income, minus costs.)\nFor example: 32000 or 3万2. If there was none, reply 0',
      label: 'Household net income last year',
      per_capita: 'So last year\'s net income per person was about {{perCapita}} ({{income}} ÷ {{size}} people).',
    },
    povertyAlleviated: {
      ask: 'Is your family a household that was lifted out of poverty (formerly registered as poor)?\nPlease reply "yes" or "no"',
      label: 'Formerly registered poor household',
    },
    patient: {
      ask: 'Who is ill?',
      label: 'Patient',
      self: 'The applicant',
      family: 'Another family member',
    },
    patientRelation: {
      ask: 'How is the patient related to the applicant?\nFor example: mother, son, wife',
      label: 'Relation to the applicant',
    },
    patientName: {
      ask: 'What is the patient\'s name?\nFor example: Li Xiuying',
      label: 'Patient\'s name',
    },
    illness: {
      ask: 'What is the illness?\nFor example: stroke, lung cancer, fracture',
      label: 'Illness',
    },
    hospital: {
      ask: 'Which hospital gave the treatment?\nFor example: County People\'s Hospital',
      label: 'Hospital',
    },
    hospitalLevel: {
      ask: 'What level is that hospital?',
      label: 'Hospital level',
      township: 'Township health centre',
      county: 'County hospital',
      city: 'City hospital',
      province: 'Provincial or higher hospital',
    },
    totalCostFen: {
      ask: 'How much did the treatment cost in total?\nFor example: 50000 or 5万',
      label: 'Total medical cost',
    },
    reimbursedFen: {
      ask: 'How much has medical insurance (医保, serious illness insurance, etc.) paid back?\nFor example: 20000. If nothing, reply 0',
      label: 'Reimbursed',
      too_much: 'The amount paid back cannot be more than the total cost ({{limit}}). Please check it.',
    },
    selfPaidConfirmed: {
      ask: 'So your family paid about {{selfPaid}} itself (total {{total}} minus {{reimbursed}} paid back).\nIs that right? Please reply "yes" or "no"',
    },
    selfPaidFen: {
      ask: 'How much did your family actually pay itself?\nFor example: 28000',
      label: 'Paid by the family',
      too_much: 'What your family paid cannot be more than the total cost ({{limit}}). Please check it.',
    },
    disasterKind: {
      ask: 'What kind of disaster was it?',
      label: 'Kind of disaster',
      flood: 'Flood',
      drought: 'Drought',
      fire: 'Fire',
      geological: 'Landslide, mudslide or other geological disaster',
      wind_hail: 'Storm or hail',
      other: 'Other',
    },
    disasterDate: {
      ask: 'On what day did it happen?\nFor example: 2024-07-15 or 7月15日',
      label: 'Date of the disaster',
    },
    lossFen: {
      ask: 'About how much was lost? (House, crops, livestock, etc.)\nFor example: 30000',
      label: 'Estimated loss',
    },
    compensationFen: {
      ask: 'How much insurance payout or disaster relief have you already received?\nFor example: 5000. If none, reply 0',
      label: 'Compensation and relief received',
      too_much: 'Compensation cannot be more than the loss ({{limit}}). Please check it.',
    },
    studentName: {
      ask: 'What is the student\'s name?\nFor example: Wang Xiaoming',
      label: 'Student\'s name',
    },
    stage: {
      ask: 'At what stage of school is the student? (The grade will do, for example: grade 8, grade 10)',
      label: 'School stage',
      preschool: 'Preschool (kindergarten)',
      primary: 'Primary school',
      junior: 'Junior middle school',
      senior: 'Senior high or vocational school',
      college: 'College or university',
      graduate: 'Graduate school',
    },
    school: {
      ask: 'Which school?\nFor example: County No. 1 Middle School',
      label: 'School',
    },
    educationCostFen: {
      ask: 'How much does a year of school cost for this student?\n(Tuition, boarding, living costs, etc.)\nFor example: 12000',
      label: 'Yearly school cost',
    },
    aidFen: {
      ask: 'How much aid (grants, fee waivers, etc.) has the student already received?\nFor example: 3000. If none, reply 0',
      label: 'Aid received',
      too_much: 'Aid cannot be more than the school cost ({{limit}}). Please check it.',
    },
  },
  precheck: {
    title: 'A first rough check (for your information only):',
    line_unknown: 'Last year your net income per person was about {{perCapita}}. A village cadre will check the monitoring line for your area.',
    under_line: 'Last year your net income per person was about {{perCapita}}, below your area\'s {{year}} monitoring line ({{line}} per person per year).',
    at_line: 'Last year your net income per person was about {{perCapita}}, exactly at your area\'s {{year}} monitoring line ({{line}} per person per year).',
    over_line: 'Last year your net income per person was about {{perCapita}}, above your area\'s {{year}} monitoring line ({{line}} per person per year).',
    expense_exceeds: 'The expense your family bears itself, {{expense}}, is more than its yearly income of {{income}}.',
    expense_not_exceeds: 'The expense your family bears itself, {{expense}}, is not more than its yearly income of {{income}}.',
    still_apply: 'A family above the line can also apply if its income is unstable, or if illness, a disaster or schooling costs it a lot.',
    cadre_decides: 'Whether you receive help is decided by village cadres after review by the town and county. You can carry on with your application.',
  },
  consent: {
    agreed: 'Agreed',
    hint: 'Please reply "agree" or "disagree".',
    refused:
      'OK. The application was not submitted.\nThe documents you sent will not be used and will be deleted.\nIf you change your mind, reply 1 to apply again. With questions, reply "human".',
    income: {
      label: 'Commitment and authorisation',
      ask: 'Nearly done. Please confirm two things.\nFirst: commitment and authorisation.\nYou promise that your answers are true, and you allow government offices and the insurer they appoint to check your family\'s income and assets (for example savings, vehicles, housing, social insurance).\nTo agree, reply "agree". If not, reply "disagree".',
      help: 'This is the commitment and authorisation: the review checks your family\'s income and assets, which needs your permission. Without it, the application cannot be submitted.',
    },
    personal: {
      label: 'Use of personal information',
      ask: 'Second: personal information.\nThis application uses your family\'s ID numbers, phone number, {{details}} and the photos you sent.\nThey are used only for this application and seen only by the officials who review it. Public notices never show {{hidden}}.\nTo agree, reply "agree". If not, reply "disagree".',
      details: {
        illness: 'health details',
        disaster: 'disaster details',
        education: 'details of the child\'s schooling',
        any: 'details of the hardship',
      },
      hidden: {
        illness: 'ID numbers, phone numbers or health details',
        disaster: 'ID numbers or phone numbers',
        education: 'ID numbers or phone numbers',
        any: 'ID numbers, phone numbers or health details',
      },
      help: 'This asks whether we may use your family\'s personal information to handle this application: the ID and phone numbers to check it is your family and to reach you, the photos and details for the reviewing cadres. Without it, the application cannot be submitted.',
    },
  },
  lookup: {
    intro:
      'No application was found for this WeChat account.\nIf you applied before (even from another WeChat account), enter the ID number and mobile number used in the application and we will find it.\nTo stop, reply "cancel".',
    cancelled: 'OK, search stopped.',
    idNumber: {
      ask: 'Please enter the ID number used in the application (18 characters).\nFor example: 11010519491231002X',
      label: 'ID number',
    },
    phone: {
      ask: 'Please enter the mobile number used in the application (11 digits).\nFor example: 13812345678',
      label: 'Mobile phone',
    },
  },
  cases: {
    title: 'You have {{n}} application(s):',
    line: '{{i}}. No. {{caseNo}} | {{cause}} | {{status}} | submitted {{date}}',
    footer: 'You will get a message at every step. With questions, reply "human".',
  },
  policy: {
    body: '[Help to prevent falling back into poverty]\nWho can apply: rural families at risk of (falling back into) poverty because illness, a disaster or schooling costs a lot. Both formerly poor households and other households can apply.\n\nThe three cases and the documents to prepare:\n1. Illness: hospital settlement statement or invoice, discharge summary\n2. Disaster: photos of the damage\n3. Schooling: admission letter or proof of enrolment, fee payment receipt\n\nSteps: {{path}} → approval. It usually takes about {{total}}.\nWhether you receive help is decided by cadres after review by the village, town and county.',
    income_line:
      'The monitoring line in your area for {{year}}: net income of {{amount}} per person per year. Families not above it can apply; families above it can also apply if their income is unstable, or if illness, a disaster or schooling costs them a lot.',
    income_line_unknown: 'The monitoring line differs by place and changes every year. Please ask your village cadre.',
    footer: 'To apply, reply 1. To check progress, reply 2. With questions, reply "human".',
  },
  outcome: {
    case_filed: 'Your application has been submitted!\nYour application number is: {{caseNo}}\nPlease keep this number.',
    next_steps:
      'Next: {{path}} → approval.\nIt usually takes about {{total}}. You will get a message at every step.\nTo check progress at any time, reply "status".',
    case_duplicate:
      'You already have the same application in progress, number {{caseNo}}. There is no need to apply again.\nTo check progress, reply "status".',
    identity_linked: 'Found! Your applications are now linked to this WeChat account.',
    identity_linked_no_cases: 'Your identity is confirmed, but there is no application yet. To apply, reply 1.',
    identity_not_found:
      'No matching application was found. Please check the ID number and mobile number and reply "status" to try again, or reply "human" and a village cadre will look it up.',
    identity_check_limited:
      'This has been tried too many times lately, so to protect everyone\'s information nothing is checked for now. Please try again later (within a day at most), or reply "human" and a village cadre will look it up.',
  },
  cause: {
    illness: 'Illness',
    disaster: 'Disaster',
    education: 'Schooling',
  },
  server: {
    too_long: 'Your message is too long. Please send it in a few shorter messages, one thing at a time.',
    busy: 'Message received. The system is busy; we will reply soon. No need to send it again.',
    unsupported: 'For now I can only read text and photos. Please type your message or send a photo.',
    error: 'Sorry, something went wrong. Please send your message again later. If it is urgent, contact your village cadre directly.',
    control_chars_field: '{{field}}: contains an invisible control character (such as NUL or a text-direction mark); please remove it',
    json_too_deep: '{{field}}: nested deeper than {{max}} levels; send a flatter body',
    body_unreadable: 'body: the request body could not be read (is it really compressed as its Content-Encoding says?)',
    not_built: {
      app: { title: 'Fangpin assistant', heading: 'Fangpin assistant · the mini-program’s web version is not built yet', body: 'The h5 build of the mini-program is not there yet. Build it once, then reload this page:', meanwhile: 'Meanwhile the chat works:' },
      console: { title: 'Fangpin assistant · cadre console', heading: 'Fangpin assistant · the cadre console is not built yet', body: 'The cadre console is not built yet. npm start builds it; or build it once, then reload this page:', meanwhile: 'Meanwhile the API works:' },
    },
  },
  workflow: workflowEn,
  cadre: cadreEn,
  casework: caseworkEn,
  faq: faqEn,
  app: appEn,
  miniprogram: miniprogramEn,
  broadcast: broadcastEn,
  notice: noticeEn,
  auth: authEn,
  heard: heardEn,
  understand: understandEn,
};

export const en: Messages = withStatusWords(enBase, STATUS_WORDS.en);
